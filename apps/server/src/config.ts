/**
 * The server's configuration: one zod schema, read once from the environment, every problem
 * listed at start. This is the only module that reads `process.env` (architecture §2).
 */
import { resolve } from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['0', '1', 'true', 'false'])
  .transform((v) => v === '1' || v === 'true');

export const ConfigSchema = z.object({
  /** HTTP port. */
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Interface to listen on. */
  HOST: z.string().default('0.0.0.0'),
  /** PostgreSQL server URL (postgres://…). When absent, the embedded PGlite database is used. */
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgres://').optional(),
  /** Directory of the embedded PGlite database (ignored with DATABASE_URL). */
  DATA_DIR: z.string().default('./data'),
  /** Demo seed: unset = only on a new embedded database; 1 = also on PostgreSQL; 0 = never. */
  ZONA_DEMO: bool.optional(),
  /** Directory of the versioned LKE files. */
  ZONA_LKE_DIR: z.string().optional(),
  /** Directory of the built web app. */
  ZONA_WEB_DIR: z.string().optional(),
  /** Session lifetime in hours (idle sessions expire earlier, see SESSION_IDLE_MINUTES). */
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  /** Idle timeout of a session in minutes. */
  SESSION_IDLE_MINUTES: z.coerce.number().positive().default(120),
  /** Set cookies with the Secure flag (behind HTTPS). Default: on in production. */
  COOKIE_SECURE: bool.optional(),
  /** Trust X-Forwarded-* headers from a reverse proxy. */
  TRUST_PROXY: bool.default(false),
  /** Failed logins before a temporary lockout. */
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  /** Lockout duration in minutes. */
  LOGIN_LOCK_MINUTES: z.coerce.number().positive().default(15),
  /** Login attempts per IP per minute (rate limit). */
  LOGIN_RATE_PER_MINUTE: z.coerce.number().int().positive().default(20),
  /** Requests per IP per minute on the authenticated API. */
  API_RATE_PER_MINUTE: z.coerce.number().int().positive().default(600),
  /** Maximum JSON body size in bytes. */
  BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1_048_576),
  /** Maximum upload size (xlsx imports) in bytes. */
  UPLOAD_LIMIT_BYTES: z.coerce.number().int().positive().default(10 * 1_048_576),
  /** Log level: fatal, error, warn, info, debug, trace, silent. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().default('development'),
});

export type Config = z.infer<typeof ConfigSchema> & {
  dataDir: string;
  databaseKind: 'pglite' | 'postgres';
  cookieSecure: boolean;
  demoSeed: boolean;
};

/** Parses an environment; throws one error listing every problem. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty variable (`DATABASE_URL=`) means "not set", as in most shells' conventions.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ConfigSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Konfigurasi tidak valid / invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const databaseKind = c.DATABASE_URL ? 'postgres' : 'pglite';
  return {
    ...c,
    dataDir: resolve(c.DATA_DIR),
    databaseKind,
    cookieSecure: c.COOKIE_SECURE ?? c.NODE_ENV === 'production',
    // Contract: demo data on a new embedded database unless ZONA_DEMO=0; on PostgreSQL only with ZONA_DEMO=1.
    demoSeed: c.ZONA_DEMO ?? databaseKind === 'pglite',
  };
}
