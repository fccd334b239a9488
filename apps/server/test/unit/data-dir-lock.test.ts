import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from '../../src/db/client.ts';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'zona-lock-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('PGlite data directory lock', () => {
  it('stops a second process on the same directory with a clear message', async () => {
    const dir = tempDir();
    const clientUrl = new URL('../../src/db/client.ts', import.meta.url).pathname;
    const child = spawn(process.execPath, ['--import', 'tsx', '-e', `import('${clientUrl}').then(m => { m.lockDataDir('${dir}'); console.log('LOCKED'); setTimeout(() => {}, 60000); })`], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      await new Promise<void>((ok) => child.stdout.on('data', (d) => String(d).includes('LOCKED') && ok()));
      let err: unknown;
      try {
        lockDataDir(dir);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(DataDirLockedError);
      expect((err as Error).message).toContain(`PID ${child.pid}`);
      expect((err as Error).message).toMatch(/sedang dipakai proses lain/);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('refuses a second open inside the same process too', () => {
    const dir = tempDir();
    const unlock = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    unlock();
    expect(existsSync(join(dir, 'zona.lock'))).toBe(false);
  });

  it('takes over a lock left by a process that no longer runs', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'zona.lock'), '999999999');
    const unlock = lockDataDir(dir);
    unlock();
  });
});
