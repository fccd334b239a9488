/** The LKE instrument, scoring, explanation, simulation and workbook endpoints. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as lke from '../../services/lke/lke.ts';
import { contextOf } from '../plugins/auth.ts';
import type { RouteDeps } from './deps.ts';

const VersionParams = z.object({ instrument: z.string().regex(/^[a-z0-9-]+$/).max(40), version: z.coerce.number().int().min(1).max(1000) });
const AnswerSetBody = z.object({
  instrument: z.string().optional(),
  holds: z.enum(['WBK', 'WBBM']).nullable().optional(),
  // Item-level checks (codes, letters, counts) are the engine's: it reports every problem by code.
  answers: z.record(z.string(), z.unknown()).default({}),
});

export async function lkeRoutes(app: FastifyInstance, deps: RouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['lke'];
  const version = (req: { params: z.infer<typeof VersionParams> } & Parameters<typeof contextOf>[0]) =>
    lke.getVersion(contextOf(req, deps), deps.lke, req.params.instrument, req.params.version);

  r.get('/lke', { schema: { tags, summary: 'Daftar instrumen dan versi LKE' } }, async (req) => ({ items: lke.listVersions(contextOf(req, deps), deps.lke) }));
  r.get('/lke/:instrument/:version', { schema: { tags, summary: 'Dokumen LKE satu versi', params: VersionParams } }, async (req, reply) => {
    const v = version(req);
    reply.header('etag', `"${v.checksum}"`);
    return { ...v.document, checksum: v.checksum };
  });
  r.post('/lke/:instrument/:version/validate', { schema: { tags, summary: 'Validasi jawaban', params: VersionParams, body: AnswerSetBody } }, async (req) =>
    lke.validateSet(contextOf(req, deps), version(req), req.body),
  );
  r.post('/lke/:instrument/:version/score', { schema: { tags, summary: 'Hitung nilai LKE', params: VersionParams, body: AnswerSetBody } }, async (req) =>
    lke.scoreSet(contextOf(req, deps), version(req), req.body),
  );
  r.post('/lke/:instrument/:version/simulate', { schema: { tags, summary: 'Simulasi jalur menuju predikat', params: VersionParams, body: AnswerSetBody } }, async (req) =>
    lke.simulateSet(contextOf(req, deps), version(req), req.body),
  );
  r.post(
    '/lke/:instrument/:version/explain',
    { schema: { tags, summary: 'Penjelasan sebuah angka', params: VersionParams, body: AnswerSetBody.extend({ target: z.string().min(1).max(60) }) } },
    async (req) => lke.explainTarget(contextOf(req, deps), version(req), req.body),
  );
  const sendWorkbook = async (reply: import('fastify').FastifyReply, v: { instrument: string; version: number }, buf: Buffer) =>
    reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="LKE-${v.instrument}-v${v.version}.xlsx"`)
      .send(buf);
  r.get('/lke/:instrument/:version/workbook', { schema: { tags, summary: 'Unduh lembar kerja kosong (xlsx)', params: VersionParams } }, async (req, reply) => {
    const v = version(req);
    return sendWorkbook(reply, v, await lke.workbookFor(contextOf(req, deps), v, null));
  });
  r.post('/lke/:instrument/:version/workbook', { schema: { tags, summary: 'Unduh lembar kerja berisi jawaban (xlsx)', params: VersionParams, body: AnswerSetBody } }, async (req, reply) => {
    const v = version(req);
    return sendWorkbook(reply, v, await lke.workbookFor(contextOf(req, deps), v, req.body));
  });
}
