import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { loadLkeDirectory } from '../../src/lke/load-lke-directory.ts';
import { freezeLkeVersions, LkeFrozenError } from '../../src/lke/freeze-in-db.ts';
import { createRegistry } from '../../src/lke/registry.ts';
import { REPO_ROOT } from '../../src/paths.ts';
import { buildAgency, buildUser, TEST_PASSWORD } from '../factories.ts';
import { createTestEnv, login, type Client, type TestEnv } from '../harness.ts';

const EXAMPLES = join(REPO_ROOT, '..', 'shared', 'contracts', 'examples');
let env: TestEnv;
let c: Client;

beforeAll(async () => {
  const lke = await loadLkeDirectory(join(REPO_ROOT, 'lke'));
  env = await createTestEnv({ lke });
  const { root, instansi } = await buildAgency(env.database.db);
  const u = await buildUser(env.database.db, { role: 'work_team', scope: { unitId: root.id, instansiId: instansi.id }, unit: root });
  c = await login(env.app, u.username, TEST_PASSWORD);
});
afterAll(() => env.close());

describe('LKE API', () => {
  it('lists versions and serves a document with its checksum', async () => {
    const list = (await c.req('GET', '/api/lke')).json().items;
    expect(list.map((v: { instrument: string }) => v.instrument)).toEqual(expect.arrayContaining(['zi-2014', 'zi-2021']));
    const doc = await c.req('GET', '/api/lke/zi-2021/1');
    expect(doc.statusCode).toBe(200);
    expect(doc.json().checksum).toMatch(/^sha256:/);
    expect(doc.json().components).toHaveLength(2);
    expect((await c.req('GET', '/api/lke/zi-2021/99')).statusCode).toBe(404);
  });

  it('scores the contract example to the cent, as the CLI does', async () => {
    const input = JSON.parse(readFileSync(join(EXAMPLES, 'mixed.json'), 'utf8'));
    const expected = JSON.parse(readFileSync(join(EXAMPLES, 'mixed.expected.json'), 'utf8'));
    const res = await c.req('POST', '/api/lke/zi-2021/1/score', input);
    expect(res.statusCode).toBe(200);
    const got = res.json();
    expect(got.total).toBe(expected.total);
    expect(got.areas).toEqual(expected.areas);
    expect(got.subareas).toEqual(expected.subareas);
    expect(got.results).toEqual(expected.results);
    expect(new Set(got.predicates.WBBM.failures)).toEqual(new Set(expected.predicates.WBBM.failures));
    expect(got.engineVersion).toBeTruthy();
  });

  it('answers invalid answers with every offending code as a field error', async () => {
    const res = await c.req('POST', '/api/lke/zi-2021/1/score', { answers: { 'A.I.1.i.a': 'mungkin', 'X.9': 'A', 'B.I.a': 7 } });
    expect(res.statusCode).toBe(422);
    const paths = res.json().error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['answers.A.I.1.i.a', 'answers.X.9', 'answers.B.I.a']));
  });

  it('simulates and explains', async () => {
    const sim = await c.req('POST', '/api/lke/zi-2021/1/simulate', { answers: { 'A.I.1.i.a': 'ya' } });
    expect(sim.statusCode).toBe(200);
    expect(sim.json().improvements.length).toBeGreaterThan(100);
    const ex = await c.req('POST', '/api/lke/zi-2021/1/explain', { answers: { 'A.I.1.i.a': 'ya' }, target: 'A.I.1.i' });
    expect(ex.statusCode).toBe(200);
    expect(JSON.stringify(ex.json())).toContain('A.I.1.i');
  });

  it('downloads a workbook', async () => {
    const res = await c.req('POST', '/api/lke/zi-2021/1/workbook', { answers: { 'A.I.1.i.a': 'ya' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('freezes published versions in the database: a changed checksum is refused', async () => {
    const registry = await loadLkeDirectory(join(REPO_ROOT, 'lke'));
    await freezeLkeVersions(env.database.db, registry);
    const rows = await env.database.db.execute(sql`select count(*)::int as n from lke_version`);
    expect(Number((rows as unknown as { rows: { n: number }[] }).rows[0].n)).toBe(registry.list().length);
    const tampered = createRegistry(registry.list().map((v) => (v.instrument === 'zi-2021' ? { ...v, checksum: 'sha256:00' } : v)));
    await expect(freezeLkeVersions(env.database.db, tampered)).rejects.toBeInstanceOf(LkeFrozenError);
  });
});
