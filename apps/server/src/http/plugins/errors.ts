/**
 * One error shape for every failure: `{"error":{"code","message","requestId","fields"?}}`.
 * Validation errors carry field paths; unknown errors are 500 with the request id only — the
 * message and stack go to the log, never to the client.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorCode, FieldError } from '@zona/shared';
import { AppError, messageFor } from '../../lib/errors.ts';

function send(reply: import('fastify').FastifyReply, status: number, code: ErrorCode, message: string, requestId: string, fields?: FieldError[], details?: Record<string, unknown>) {
  return reply.status(status).type('application/json; charset=utf-8').send({ error: { code, message, requestId, ...(fields ? { fields } : {}), ...(details ?? {}) } });
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_REQ_FILE_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
};

/**
 * A database error carries the failed statement and its parameters (which may be a password hash
 * or personal data) in its message: log only the driver's cause — its SQLSTATE and message.
 */
export function loggable(err: Error): Error | Record<string, unknown> {
  const e = err as Error & { query?: unknown; params?: unknown; cause?: { code?: string; message?: string; constraint?: string } };
  if (e.query === undefined && e.params === undefined) return err;
  return { type: e.name, message: e.cause?.message ?? 'database query failed', code: e.cause?.code, constraint: e.cause?.constraint };
}

/**
 * A unique violation that slipped past a service's own check (two requests racing) is still a
 * conflict on a named field, not a server error.
 */
const UNIQUE_CONSTRAINTS: Record<string, { code: ErrorCode; path: string; message: string }> = {
  app_user_username_uq: { code: 'DUPLICATE_USERNAME', path: 'username', message: 'Nama pengguna sudah dipakai' },
  app_user_nip_uq: { code: 'CONFLICT', path: 'nip', message: 'NIP sudah terdaftar' },
  unit_instansi_code_uq: { code: 'DUPLICATE_CODE', path: 'code', message: 'Kode unit sudah dipakai di instansi ini' },
  instansi_code_unique: { code: 'DUPLICATE_CODE', path: 'code', message: 'Kode instansi sudah dipakai' },
};

export function uniqueViolation(err: Error) {
  const cause = ((err as { cause?: unknown }).cause ?? err) as { code?: string; constraint?: string };
  if (cause.code !== '23505') return null;
  return UNIQUE_CONSTRAINTS[cause.constraint ?? ''] ?? { code: 'CONFLICT' as ErrorCode, path: undefined, message: messageFor('CONFLICT') };
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) {
      return send(reply, err.status, err.code, err.message, req.id, err.fields, err.details);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = (err as { validationContext?: string }).validationContext ?? 'body';
      const fields = err.validation.map((v) => ({
        path: v.instancePath.replace(/^\//, '').replaceAll('/', '.') || where,
        message: v.message ?? 'tidak valid',
      }));
      // Body content that fails the schema is 422; a malformed query or path is 400.
      const code: ErrorCode = where === 'body' ? 'VALIDATION_FAILED' : 'BAD_REQUEST';
      return send(reply, code === 'VALIDATION_FAILED' ? 422 : 400, code, messageFor(code), req.id, fields);
    }
    const dup = uniqueViolation(err);
    // A constraint without a mapping still answers 409, but someone should add its field.
    if (dup && !dup.path) req.log.warn({ err: loggable(err) }, 'unique violation on an unmapped constraint');
    if (dup) return send(reply, 409, dup.code, dup.message, req.id, dup.path ? [{ path: dup.path, message: dup.message }] : undefined);
    const mapped = err.code ? FASTIFY_CODES[err.code] : undefined;
    if (mapped) return send(reply, mapped === 'INVALID_JSON' || mapped === 'BAD_REQUEST' ? 400 : mapped === 'PAYLOAD_TOO_LARGE' ? 413 : 415, mapped, messageFor(mapped), req.id);
    if (err.statusCode === 429) return send(reply, 429, 'RATE_LIMITED', messageFor('RATE_LIMITED'), req.id);
    if (err instanceof SyntaxError || (err.statusCode === 400 && /JSON/i.test(err.message))) {
      return send(reply, 400, 'INVALID_JSON', messageFor('INVALID_JSON'), req.id);
    }
    if (err.statusCode === 413) return send(reply, 413, 'PAYLOAD_TOO_LARGE', messageFor('PAYLOAD_TOO_LARGE'), req.id);
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return send(reply, err.statusCode, 'BAD_REQUEST', messageFor('BAD_REQUEST'), req.id);
    }
    req.log.error({ err: loggable(err) }, 'unhandled error');
    return send(reply, 500, 'INTERNAL', messageFor('INTERNAL'), req.id);
  });
}

/** Not-found for unknown API routes is JSON; everything else falls back to the web app. */
export function apiNotFound(req: import('fastify').FastifyRequest, reply: import('fastify').FastifyReply) {
  return send(reply, 404, 'NOT_FOUND', 'Rute API tidak ditemukan', req.id);
}
