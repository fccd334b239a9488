/**
 * Walks EVERY registered API route as people of agency A and aims it at agency B's data:
 * B's ids in the path, query and body. No route may answer with B's data or change it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { insertAssignments } from '../../src/repositories/user-repository.ts';
import { recordAudit } from '../../src/audit/record.ts';
import { buildAgency, buildUnit, buildUser, TEST_PASSWORD } from '../factories.ts';
import { createTestEnv, login, type Client, type TestEnv } from '../harness.ts';

let env: TestEnv;
let b: Awaited<ReturnType<typeof buildAgency>> & { user: { id: string; username: string }; assignmentId: string };
let clients: Client[];

async function snapshotB(): Promise<string> {
  const q = (text: ReturnType<typeof sql>) => env.database.db.execute(text).then((r) => JSON.stringify((r as unknown as { rows: unknown[] }).rows));
  const id = b.instansi.id;
  return [
    await q(sql`select * from instansi where id = ${id}`),
    await q(sql`select * from instansi_fact where instansi_id = ${id} order by year`),
    await q(sql`select * from unit where instansi_id = ${id} order by id`),
    await q(sql`select id, username, name, nip, email, unit_id, instansi_id, password_hash, active, failed_logins, locked_until from app_user where instansi_id = ${id} order by id`),
    await q(sql`select * from role_assignment where instansi_id = ${id} or user_id in (select id from app_user where instansi_id = ${id}) order by id`),
    await q(sql`select user_id from session where user_id in (select id from app_user where instansi_id = ${id}) order by id`),
  ].join('\n');
}

beforeAll(async () => {
  env = await createTestEnv();
  const db = env.database.db;
  const a = await buildAgency(db);
  const agencyB = await buildAgency(db);
  const userB = await buildUser(db, { role: 'employee', scope: { unitId: agencyB.child.id, instansiId: agencyB.instansi.id }, unit: agencyB.child });
  const [asg] = await insertAssignments(db, [{ userId: userB.id, role: 'change_agent', instansiId: agencyB.instansi.id, unitId: agencyB.child.id }]);
  await db.transaction((tx) =>
    recordAudit(tx, { actorId: null, actorName: 'uji', ip: null, requestId: null }, { action: 'unit.created', payload: { name: 'rahasia-B', code: 'B', parentId: null }, instansiId: agencyB.instansi.id, unitId: agencyB.root.id, entityId: agencyB.root.id }),
  );
  b = { ...agencyB, user: userB, assignmentId: asg.id };
  const unitHeadA = await buildUser(db, { role: 'unit_head', scope: { unitId: a.root.id, instansiId: a.instansi.id, includeDescendants: true }, unit: a.root });
  const tpiA = await buildUser(db, { role: 'tpi_lead', scope: { instansiId: a.instansi.id }, unit: a.root });
  const extraUnit = await buildUnit(db, { instansiId: a.instansi.id, parentId: a.root.id });
  const employeeA = await buildUser(db, { role: 'employee', scope: { unitId: extraUnit.id, instansiId: a.instansi.id }, unit: extraUnit });
  clients = [];
  for (const u of [a.admin, unitHeadA, tpiA, employeeA]) clients.push(await login(env.app, u.username, TEST_PASSWORD));
});
afterAll(() => env.close());

function fillPath(url: string): string {
  return url
    .replace(/\/instansi\/:id/, `/instansi/${b.instansi.id}`)
    .replace(/\/units\/:id/, `/units/${b.child.id}`)
    .replace(/\/users\/:id/, `/users/${b.user.id}`)
    .replace(/:assignmentId/, b.assignmentId)
    .replace(/:year/, '2026')
    .replace(/:instrument/, 'zi-2021')
    .replace(/:version/, '1')
    .replace(/:id/, b.child.id);
}

function hostileBody() {
  return {
    instansiId: b.instansi.id,
    parentId: b.root.id,
    unitId: b.child.id,
    name: 'Serangan lintas instansi',
    code: 'CROSS-TENANT',
    username: 'cross.tenant',
    role: 'employee',
    includeDescendants: true,
    bpkOpinion: 'TMP',
    spipLevel: 0,
    active: false,
    currentPassword: 'x',
    newPassword: 'sandi-baru-panjang-sekali',
  };
}

describe('tenant isolation over every route', () => {
  it('covers a meaningful route list', () => {
    expect(env.app.routeList.filter((r) => r.url.startsWith('/api/')).length).toBeGreaterThan(15);
  });

  it('never returns or changes another agency\'s data', async () => {
    const before = await snapshotB();
    const secrets = [b.instansi.id, b.root.id, b.child.id, b.user.id, b.user.username, b.instansi.name, b.root.code, b.child.code, b.admin.username, b.assignmentId, 'rahasia-B'];
    const routes = env.app.routeList.filter(
      (r) => r.url.startsWith('/api/') && !r.isPublic && r.method !== 'HEAD' && !['/api/auth/logout'].includes(r.url),
    );
    const problems: string[] = [];
    for (const client of clients) {
      for (const r of routes) {
        const url = fillPath(r.url);
        const hasTarget = url !== r.url;
        const query = `?instansiId=${b.instansi.id}&unitId=${b.child.id}&q=${encodeURIComponent(b.child.code)}&entityId=${b.child.id}`;
        const withBody = ['POST', 'PUT', 'PATCH'].includes(r.method);
        const res = await client.req(r.method, url + query, withBody ? hostileBody() : undefined);
        const body = res.body;
        const leaked = secrets.filter((s) => body.includes(s));
        if (leaked.length) problems.push(`${client.username} ${r.method} ${r.url} → ${res.statusCode} leaked ${leaked.join(',')}`);
        if (hasTarget && res.statusCode < 400) problems.push(`${client.username} ${r.method} ${r.url} → ${res.statusCode} on another agency's object`);
        if (res.statusCode >= 500) problems.push(`${client.username} ${r.method} ${r.url} → ${res.statusCode}`);
      }
    }
    expect(problems).toEqual([]);
    expect(await snapshotB()).toBe(before);
  });

  it('requires a session on every non-public route', async () => {
    const routes = env.app.routeList.filter((r) => r.url.startsWith('/api/') && !r.isPublic && r.method !== 'HEAD');
    for (const r of routes) {
      const res = await env.app.inject({ method: r.method as 'GET', url: fillPath(r.url) });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
    }
  });
});
