/**
 * xlsx imports of units and users: template downloads and uploads. Uploads are multipart with
 * one field `file`, size-capped, streamed to a temp file while hashed, sniffed by content, and
 * deleted afterwards whatever happens. A file with any problem writes nothing (422 + rows).
 */
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../lib/errors.ts';
import { loadImportTarget } from '../../services/imports/access.ts';
import { XLSX_MIME } from '../../services/imports/template.ts';
import { discardUpload, type StoredUpload, storeUpload } from '../../services/imports/upload.ts';
import { importUnits, unitImportTemplate } from '../../services/org/import-units.ts';
import { importUsers, userImportTemplate } from '../../services/users/import-users.ts';
import { contextOf } from '../plugins/auth.ts';
import type { RouteDeps } from './deps.ts';

const InstansiQuerySchema = z.object({ instansiId: z.uuid('Instansi tidak valid') });
const FIELD = 'file';

function sendXlsx(reply: FastifyReply, file: { body: Buffer; disposition: string }) {
  return reply.header('content-type', XLSX_MIME).header('content-disposition', file.disposition).header('cache-control', 'no-store').send(file.body);
}

/**
 * Takes the request's one file part to a temp file, runs `use` on it, and always deletes it.
 * The client's filename and MIME type are ignored: the content decides (openWorkbook sniffs it).
 */
async function withUpload<T>(req: FastifyRequest, limitBytes: number, use: (upload: StoredUpload) => Promise<T>): Promise<T> {
  if (!req.isMultipart()) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', `Kirim berkas .xlsx sebagai multipart/form-data pada kolom "${FIELD}"`);
  }
  const part = await req.file();
  if (!part) throw new AppError('BAD_REQUEST', `Tidak ada berkas; unggah berkas .xlsx pada kolom "${FIELD}"`);
  if (part.fieldname !== FIELD) {
    part.file.resume(); // drain it so the request can finish
    throw new AppError('BAD_REQUEST', `Berkas harus dikirim pada kolom "${FIELD}"`);
  }
  const upload = await storeUpload(part.file, limitBytes);
  try {
    return await use(upload);
  } finally {
    await discardUpload(upload.path);
  }
}

export async function importRoutes(app: FastifyInstance, deps: RouteDeps) {
  const limitBytes = deps.config.UPLOAD_LIMIT_BYTES;
  // Registered in this plugin only: no other route accepts multipart bodies.
  await app.register(multipart, { limits: { fileSize: limitBytes, files: 1, fields: 5 } });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['impor'];
  const upload = { querystring: InstansiQuerySchema, consumes: ['multipart/form-data'] };

  r.get(
    '/units/import-template',
    { schema: { tags, summary: 'Unduh templat impor unit kerja (xlsx)', querystring: InstansiQuerySchema } },
    async (req, reply) => sendXlsx(reply, await unitImportTemplate(contextOf(req, deps), req.query.instansiId)),
  );
  r.post('/units/import', { schema: { tags, summary: 'Impor unit kerja dari xlsx (semua atau tidak sama sekali)', ...upload } }, async (req) => {
    const ctx = contextOf(req, deps);
    // Refuse before reading the upload: another agency's instansi is 404, no permission 403.
    await loadImportTarget(ctx, ctx.db, req.query.instansiId, 'unit:import');
    return withUpload(req, limitBytes, (file) => importUnits(ctx, req.query.instansiId, file));
  });

  r.get(
    '/users/import-template',
    { schema: { tags, summary: 'Unduh templat impor pengguna (xlsx)', querystring: InstansiQuerySchema } },
    async (req, reply) => sendXlsx(reply, await userImportTemplate(contextOf(req, deps), req.query.instansiId)),
  );
  r.post('/users/import', { schema: { tags, summary: 'Impor pengguna dari xlsx; mengembalikan kata sandi sementara', ...upload } }, async (req, reply) => {
    const ctx = contextOf(req, deps);
    await loadImportTarget(ctx, ctx.db, req.query.instansiId, 'user:import');
    const res = await withUpload(req, limitBytes, (file) => importUsers(ctx, req.query.instansiId, file));
    // The answer carries temporary passwords: no cache may keep it.
    return reply.header('cache-control', 'no-store').send(res);
  });
}
