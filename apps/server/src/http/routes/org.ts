/** Instansi, yearly facts and the unit tree. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreateInstansiSchema,
  CreateUnitSchema,
  FactsSchema,
  FactYearParamSchema,
  IdParamSchema,
  MoveUnitSchema,
  PageQuerySchema,
  UpdateInstansiSchema,
  UpdateUnitSchema,
} from '@zona/shared';
import * as inst from '../../services/org/instansi.ts';
import * as units from '../../services/org/units.ts';
import { contextOf } from '../plugins/auth.ts';
import { page, presentFact, presentInstansi, presentUnit } from '../presenters/index.ts';
import type { RouteDeps } from './deps.ts';

export async function orgRoutes(app: FastifyInstance, deps: RouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['organisasi'];

  r.get('/instansi', { schema: { tags, summary: 'Daftar instansi', querystring: PageQuerySchema } }, async (req) => {
    const res = await inst.listInstansi(contextOf(req, deps), req.query);
    return page(res.rows.map((x) => presentInstansi(req.actor, x)), res.total, req.query);
  });
  r.post('/instansi', { schema: { tags, summary: 'Tambah instansi', body: CreateInstansiSchema } }, async (req, reply) => {
    const row = await inst.createInstansi(contextOf(req, deps), req.body);
    return reply.status(201).send(presentInstansi(req.actor, row));
  });
  r.get('/instansi/:id', { schema: { tags, summary: 'Detail instansi', params: IdParamSchema } }, async (req) =>
    presentInstansi(req.actor, await inst.getInstansi(contextOf(req, deps), req.params.id)),
  );
  r.patch('/instansi/:id', { schema: { tags, summary: 'Ubah instansi', params: IdParamSchema, body: UpdateInstansiSchema } }, async (req) =>
    presentInstansi(req.actor, await inst.updateInstansi(contextOf(req, deps), req.params.id, req.body)),
  );
  r.get('/instansi/:id/facts', { schema: { tags, summary: 'Data instansi per tahun (BPK, SAKIP, Indeks RB, SPIP)', params: IdParamSchema } }, async (req) => ({
    items: (await inst.listInstansiFacts(contextOf(req, deps), req.params.id)).map(presentFact),
  }));
  r.put('/instansi/:id/facts/:year', { schema: { tags, summary: 'Simpan data instansi tahun tertentu', params: FactYearParamSchema, body: FactsSchema } }, async (req) =>
    presentFact(await inst.setInstansiFacts(contextOf(req, deps), req.params.id, req.params.year, req.body)),
  );
  r.get('/instansi/:id/unit-tree', { schema: { tags, summary: 'Pohon unit kerja instansi', params: IdParamSchema } }, async (req) => ({
    items: (await units.unitTree(contextOf(req, deps), req.params.id)).map((u) => presentUnit(req.actor, u)),
  }));

  r.get('/units', { schema: { tags, summary: 'Daftar unit kerja', querystring: PageQuerySchema.extend({ instansiId: z.uuid().optional() }) } }, async (req) => {
    const res = await units.listUnits(contextOf(req, deps), req.query);
    return page(res.rows.map((u) => presentUnit(req.actor, u)), res.total, req.query);
  });
  r.post('/units', { schema: { tags, summary: 'Tambah unit kerja', body: CreateUnitSchema } }, async (req, reply) => {
    const row = await units.createUnit(contextOf(req, deps), req.body);
    return reply.status(201).send(presentUnit(req.actor, row));
  });
  r.get('/units/:id', { schema: { tags, summary: 'Detail unit kerja', params: IdParamSchema } }, async (req) =>
    presentUnit(req.actor, await units.getUnit(contextOf(req, deps), req.params.id)),
  );
  r.patch('/units/:id', { schema: { tags, summary: 'Ubah unit kerja', params: IdParamSchema, body: UpdateUnitSchema } }, async (req) =>
    presentUnit(req.actor, await units.updateUnit(contextOf(req, deps), req.params.id, req.body)),
  );
  r.post('/units/:id/move', { schema: { tags, summary: 'Pindahkan unit kerja', params: IdParamSchema, body: MoveUnitSchema } }, async (req) =>
    presentUnit(req.actor, await units.moveUnit(contextOf(req, deps), req.params.id, req.body.parentId)),
  );
  r.post('/units/:id/deactivate', { schema: { tags, summary: 'Nonaktifkan unit kerja', params: IdParamSchema } }, async (req) =>
    presentUnit(req.actor, await units.deactivateUnit(contextOf(req, deps), req.params.id)),
  );
}
