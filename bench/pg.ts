/**
 * A throwaway PostgreSQL for the benchmark when no DATABASE_URL is given: initdb as the
 * `postgres` OS user (initdb refuses root) in a temp dir, on 127.0.0.1 and a free port.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function pgBin(): string | null {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base).sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(base, versions[0], 'bin') : null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

export async function startThrowawayPg(): Promise<{ url: string; stop: () => void } | { skipped: string }> {
  const bin = pgBin();
  if (!bin) return { skipped: 'PostgreSQL server binaries not installed (apt-get install postgresql)' };
  if (process.getuid?.() !== 0) return { skipped: 'needs root to run initdb as the postgres user' };
  const dir = mkdtempSync(join(tmpdir(), 'zona-bench-pg-'));
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  chownSync(dir, uid, gid);
  const port = await freePort();
  const asPg = (cmd: string) => execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', cmd], { stdio: 'pipe' });
  asPg(`${bin}/initdb -D ${dir}/data -A trust -U postgres -E UTF8 --locale=C.UTF-8`);
  asPg(`${bin}/pg_ctl -D ${dir}/data -l ${dir}/pg.log -w -o "-h 127.0.0.1 -p ${port} -k ${dir}" start`);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => {
      try {
        asPg(`${bin}/pg_ctl -D ${dir}/data -m fast stop`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
