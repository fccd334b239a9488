import type { ErrorCode, FieldError } from '@zona/shared';

/** One bad cell of an xlsx import, as the server reports it. */
export interface ImportRowError {
  sheet?: string;
  row: number;
  column?: string;
  message: string;
}

/**
 * A failed API call, parsed from `{"error":{"code","message","requestId","fields"}}`.
 * Network failures get the pseudo-code `NETWORK`, non-JSON answers `BAD_RESPONSE`.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | 'NETWORK' | 'BAD_RESPONSE' | (string & {});
  readonly requestId: string | null;
  readonly fields: FieldError[];
  /** Per-row problems of an import (IMPORT_FAILED), from `rows` or parsed from `fields`. */
  readonly rows: ImportRowError[];
  /** Seconds from a `Retry-After` header (429), when sent. */
  readonly retryAfter: number | null;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    requestId?: string | null;
    fields?: FieldError[];
    rows?: ImportRowError[];
    retryAfter?: number | null;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId ?? null;
    this.fields = init.fields ?? [];
    this.rows = init.rows ?? [];
    this.retryAfter = init.retryAfter ?? null;
  }

  /** The first server message for a field path (exact, or ending in `.path`). */
  fieldMessage(path: string): string | undefined {
    return this.fields.find((f) => f.path === path || f.path.endsWith(`.${path}`))?.message;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/**
 * `Unit!5.Kode` or `Unit!row 5.code` → {sheet: 'Unit', row: 5, column: …}; null when the path
 * does not name a cell.
 */
export function parseImportPath(path: string): Omit<ImportRowError, 'message'> | null {
  const m = /^(?:(.+?)!)(?:row\s*)?(\d+)(?:\.(.+))?$/i.exec(path) ?? /^()row\s*(\d+)(?:\.(.+))?$/i.exec(path);
  if (!m) return null;
  return { sheet: m[1] || undefined, row: Number(m[2]), column: m[3] };
}

function asRows(value: unknown): ImportRowError[] | null {
  if (!Array.isArray(value)) return null;
  return value
    .filter((r): r is Record<string, unknown> => typeof r === 'object' && r !== null)
    .map((r) => ({
      sheet: typeof r.sheet === 'string' ? r.sheet : undefined,
      row: Number(r.row),
      column: r.column == null ? undefined : String(r.column),
      message: String(r.message ?? ''),
    }));
}

/** Builds an ApiError from a parsed error body (any shape), never throws. */
export function errorFromBody(status: number, body: unknown, retryAfter: number | null): ApiError {
  const root = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const err = (typeof root.error === 'object' && root.error !== null ? root.error : {}) as Record<string, unknown>;
  const fields: FieldError[] = Array.isArray(err.fields)
    ? err.fields
        .filter((f): f is Record<string, unknown> => typeof f === 'object' && f !== null)
        .map((f) => ({ path: String(f.path ?? ''), message: String(f.message ?? '') }))
    : [];
  const rows =
    asRows(err.rows) ??
    asRows(root.rows) ??
    fields.flatMap((f) => {
      const cell = parseImportPath(f.path);
      return cell ? [{ ...cell, message: f.message }] : [];
    });
  return new ApiError({
    status,
    code: typeof err.code === 'string' ? err.code : status >= 500 ? 'INTERNAL' : 'BAD_RESPONSE',
    message: typeof err.message === 'string' ? err.message : `HTTP ${status}`,
    requestId: typeof err.requestId === 'string' ? err.requestId : null,
    fields,
    rows,
    retryAfter,
  });
}
