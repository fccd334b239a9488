/**
 * Application errors: services throw `AppError(code)`; the HTTP layer maps the code to a status
 * through ERROR_STATUS (packages/shared) and a translatable message. Unknown errors become 500
 * with the request id only.
 */
import { ERROR_STATUS, type ErrorCode, type FieldError } from '@zona/shared';

const MESSAGES: Partial<Record<ErrorCode, string>> = {
  BAD_REQUEST: 'Permintaan tidak valid',
  INVALID_JSON: 'Isi permintaan bukan JSON yang valid',
  VALIDATION_FAILED: 'Data tidak valid',
  UNAUTHENTICATED: 'Silakan masuk terlebih dahulu',
  INVALID_CREDENTIALS: 'Nama pengguna atau kata sandi salah',
  ACCOUNT_LOCKED: 'Akun dikunci sementara karena terlalu banyak percobaan masuk yang gagal',
  CSRF_FAILED: 'Token CSRF tidak ada atau tidak cocok',
  PASSWORD_CHANGE_REQUIRED: 'Ganti kata sandi sementara Anda terlebih dahulu',
  FORBIDDEN: 'Anda tidak berwenang melakukan tindakan ini',
  NOT_FOUND: 'Data tidak ditemukan',
  CONFLICT: 'Data bertentangan dengan data yang sudah ada',
  DUPLICATE_USERNAME: 'Nama pengguna sudah dipakai',
  DUPLICATE_CODE: 'Kode sudah dipakai',
  PAYLOAD_TOO_LARGE: 'Ukuran data melebihi batas',
  UNSUPPORTED_MEDIA_TYPE: 'Jenis berkas tidak didukung',
  RATE_LIMITED: 'Terlalu banyak permintaan; coba lagi nanti',
  INTERNAL: 'Terjadi kesalahan pada server',
};

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly fields?: FieldError[],
    /** Extra data sent in the error body (e.g. the rows of a failed import). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message ?? MESSAGES[code] ?? code);
    this.status = ERROR_STATUS[code];
  }
}

/** Default Indonesian message of an error code. */
export function messageFor(code: ErrorCode): string {
  return MESSAGES[code] ?? code;
}

export const notFound = () => new AppError('NOT_FOUND');
export const forbidden = () => new AppError('FORBIDDEN');
