/**
 * The dependency rules of the architecture (§2), checked on the import statements of every
 * source file: web never imports the server; the engine and shared packages import only zod;
 * SQL (drizzle-orm and the schema) only in repositories and db; policies stay pure; the HTTP
 * layer is never imported by what it calls.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/paths.ts';

function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p));
    else if (/\.(ts|tsx)$/.test(name)) out.push(p);
  }
  return out;
}

function imports(file: string): { spec: string; typeOnly: boolean }[] {
  const text = readFileSync(file, 'utf8');
  const out: { spec: string; typeOnly: boolean }[] = [];
  for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|import\(['"]([^'"]+)['"]\)/gm)) {
    out.push({ spec: m[3] ?? m[4] ?? m[5], typeOnly: !!m[2] });
  }
  return out;
}

const rel = (p: string) => relative(REPO_ROOT, p);
const SERVER = join(REPO_ROOT, 'apps/server/src');

function violations(dir: string, bad: (spec: string, file: string, typeOnly: boolean) => boolean): string[] {
  return files(dir).flatMap((f) => imports(f).filter((i) => bad(i.spec, f, i.typeOnly)).map((i) => `${rel(f)} → ${i.spec}`));
}

describe('dependency rules', () => {
  it('@zona/scoring imports only zod (pure, browser-safe)', () => {
    expect(violations(join(REPO_ROOT, 'packages/scoring/src'), (s) => !s.startsWith('.') && s !== 'zod')).toEqual([]);
  });

  it('@zona/shared imports only zod', () => {
    expect(violations(join(REPO_ROOT, 'packages/shared/src'), (s) => !s.startsWith('.') && s !== 'zod')).toEqual([]);
  });

  it('the web app never imports the server', () => {
    expect(violations(join(REPO_ROOT, 'apps/web/src'), (s) => s.includes('apps/server') || s.startsWith('@zona/server'))).toEqual([]);
  });

  it('SQL lives only in repositories and db', () => {
    const sqlFree = (s: string, f: string) =>
      !rel(f).startsWith('apps/server/src/repositories/') &&
      !rel(f).startsWith('apps/server/src/db/') &&
      (s.startsWith('drizzle-orm') || s === 'pg' || s.startsWith('@electric-sql/pglite') || /\/db\/schema/.test(s));
    expect(violations(SERVER, sqlFree)).toEqual([]);
  });

  it('policies are pure: no database, repositories (except types), services or HTTP', () => {
    expect(
      violations(join(SERVER, 'policies'), (s, _f, typeOnly) => /\/(db|services|http|audit)\//.test(s) || (/\/repositories\//.test(s) && !typeOnly)),
    ).toEqual([]);
  });

  it('nothing below the HTTP layer imports it', () => {
    const below = ['services', 'repositories', 'policies', 'audit', 'db', 'lke', 'excel'].map((d) => join(SERVER, d));
    expect(below.flatMap((d) => violations(d, (s) => /\/http\//.test(s)))).toEqual([]);
  });

  it('repositories do not call services', () => {
    expect(violations(join(SERVER, 'repositories'), (s) => /\/services\//.test(s))).toEqual([]);
  });
});
