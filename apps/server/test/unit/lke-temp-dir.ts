/**
 * Test helper: a throwaway copy of the repository's lke/ folder (YAML files and fixtures) with a
 * lock generated for that copy, so loader and CLI tests do not depend on the committed lock
 * being current while the data is still being edited.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { REPO_LKE_DIR, updateLock } from '../../src/lke/index.ts';

/** Copies lke/ (without its lock) into a fresh temp dir; returns the copy's lke directory. */
export async function copyLkeDir(options: { lock?: boolean } = {}): Promise<{ dir: string; cleanup: () => void }> {
  const root = mkdtempSync(join(tmpdir(), 'zona-lke-'));
  const dir = join(root, 'lke');
  cpSync(REPO_LKE_DIR, dir, { recursive: true, filter: (src) => !src.endsWith('lke-lock.json') });
  if (options.lock !== false) {
    const result = await updateLock(dir);
    if (result.problems.length > 0) throw new Error(result.problems.join('\n'));
  }
  return { dir, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/**
 * Points ZONA_LKE_DIR at a fresh locked copy for the tests of one file (restored afterwards);
 * returns a getter for the copy's directory.
 */
export function useTempLkeDirEnv(): () => string {
  let dir = '';
  let cleanup = () => {};
  const previous = process.env.ZONA_LKE_DIR;
  beforeAll(async () => {
    ({ dir, cleanup } = await copyLkeDir());
    process.env.ZONA_LKE_DIR = dir;
  });
  afterAll(() => {
    if (previous === undefined) delete process.env.ZONA_LKE_DIR;
    else process.env.ZONA_LKE_DIR = previous;
    cleanup();
  });
  return () => dir;
}
