import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildAgency, buildUser, TEST_PASSWORD, validNip } from '../factories.ts';
import { createTestEnv, login, type Client, type TestEnv } from '../harness.ts';

let env: TestEnv;
let agency: Awaited<ReturnType<typeof buildAgency>>;
let admin: Client;

const count = async (table: string) => {
  const r = await env.database.db.execute(sql.raw(`select count(*)::int as n from ${table}`));
  return Number((r as unknown as { rows: { n: number }[] }).rows[0].n);
};

beforeAll(async () => {
  env = await createTestEnv({ env: { BODY_LIMIT_BYTES: '20000' } });
  agency = await buildAgency(env.database.db);
  admin = await login(env.app, agency.admin.username, TEST_PASSWORD);
});
afterAll(() => env.close());

describe('units', () => {
  it('creates, edits, moves and deactivates a unit, each with an audit event', async () => {
    const auditBefore = await count('audit_event');
    const created = await admin.req('POST', '/api/units', { instansiId: agency.instansi.id, parentId: agency.root.id, name: 'Seksi Pelayanan', code: 'SP-01', eselon: 'IV', servesPublic: true });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(created.json().abilities['unit:update']).toBe(true);
    expect((await admin.req('PATCH', `/api/units/${id}`, { name: 'Seksi Pelayanan Publik' })).json().name).toBe('Seksi Pelayanan Publik');
    expect((await admin.req('POST', `/api/units/${id}/move`, { parentId: agency.child.id })).json().parentId).toBe(agency.child.id);
    expect((await admin.req('POST', `/api/units/${id}/deactivate`)).json().active).toBe(false);
    const audit = await admin.req('GET', `/api/audit?entityType=unit&pageSize=10`);
    const actions = audit.json().items.filter((e: { entityId: string }) => e.entityId === id).map((e: { action: string }) => e.action);
    expect(actions).toEqual(['unit.deactivated', 'unit.moved', 'unit.updated', 'unit.created']);
    expect(await count('audit_event')).toBe(auditBefore + 4);
  });

  it('refuses moving a unit under its own descendant', async () => {
    const res = await admin.req('POST', `/api/units/${agency.root.id}/move`, { parentId: agency.child.id });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields[0].path).toBe('parentId');
  });

  it('shows the tree and paginates lists', async () => {
    const tree = await admin.req('GET', `/api/instansi/${agency.instansi.id}/unit-tree`);
    expect(tree.json().items.map((u: { id: string }) => u.id)).toEqual(expect.arrayContaining([agency.root.id, agency.child.id]));
    const page = await admin.req('GET', `/api/units?instansiId=${agency.instansi.id}&pageSize=1&page=2`);
    expect(page.json()).toMatchObject({ page: 2, pageSize: 1 });
    expect(page.json().items).toHaveLength(1);
    expect(page.json().total).toBeGreaterThanOrEqual(3);
  });

  it('rejects a duplicate unit code with 409 and writes nothing', async () => {
    const before = await count('unit');
    const auditBefore = await count('audit_event');
    const res = await admin.req('POST', '/api/units', { instansiId: agency.instansi.id, name: 'Ganda', code: agency.root.code });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.fields[0].path).toBe('code');
    expect(await count('unit')).toBe(before);
    expect(await count('audit_event')).toBe(auditBefore);
  });

  it('saves yearly agency facts', async () => {
    const res = await admin.req('PUT', `/api/instansi/${agency.instansi.id}/facts/2026`, { bpkOpinion: 'WTP', sakipPredicate: 'BB', indeksRb: 'B', spipLevel: 3 });
    expect(res.statusCode).toBe(200);
    const list = await admin.req('GET', `/api/instansi/${agency.instansi.id}/facts`);
    expect(list.json().items).toEqual([{ year: 2026, bpkOpinion: 'WTP', sakipPredicate: 'BB', indeksRb: 'B', spipLevel: 3 }]);
    const bad = await admin.req('PUT', `/api/instansi/${agency.instansi.id}/facts/2026`, { bpkOpinion: 'BAIK', spipLevel: 9 });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['bpkOpinion', 'spipLevel']);
  });
});

describe('users and roles', () => {
  it('creates a user with a temporary password and grants a role', async () => {
    const res = await admin.req('POST', '/api/users', { username: 'siti.aminah', name: 'Siti Aminah', nip: validNip(), email: 'siti@contoh.go.id', unitId: agency.child.id, position: 'Analis' });
    expect(res.statusCode).toBe(201);
    const { user, temporaryPassword } = res.json();
    expect(temporaryPassword).toMatch(/^[A-Za-z0-9]{14}$/);
    const role = await admin.req('POST', `/api/users/${user.id}/roles`, { role: 'work_team', unitId: agency.child.id, area: '3' });
    expect(role.statusCode).toBe(201);
    const c = await login(env.app, 'siti.aminah', temporaryPassword);
    const me = (await c.req('GET', '/api/auth/me')).json();
    expect(me.user.mustChangePassword).toBe(true);
    expect(me.roles).toMatchObject([{ role: 'work_team', unitId: agency.child.id, area: '3' }]);
    expect(me.permissions).toContain('user:read');
  });

  it('answers a wrong NIP as a field error', async () => {
    const res = await admin.req('POST', '/api/users', { username: 'nip.salah', name: 'NIP Salah', nip: '198513452010011001', unitId: agency.child.id });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields).toEqual([{ path: 'nip', message: expect.stringContaining('tanggal lahir') }]);
  });

  it('answers a duplicate username with 409 and writes nothing', async () => {
    const before = await count('app_user');
    const res = await admin.req('POST', '/api/users', { username: agency.admin.username, name: 'Kembar', unitId: agency.child.id });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('DUPLICATE_USERNAME');
    expect(await count('app_user')).toBe(before);
  });

  it('lets an admin reset a password, ending the old sessions', async () => {
    const u = await buildUser(env.database.db, { unit: agency.child });
    const c = await login(env.app, u.username, TEST_PASSWORD);
    const res = await admin.req('POST', `/api/users/${u.id}/reset-password`);
    expect(res.statusCode).toBe(200);
    expect((await c.req('GET', '/api/auth/me')).statusCode).toBe(401);
    await login(env.app, u.username, res.json().temporaryPassword);
  });

  it('does not let an agency admin reset, edit or deactivate someone who holds a role beyond the agency', async () => {
    const national = await buildUser(env.database.db, { role: 'system_admin', scope: 'national', unit: agency.child });
    const other = await buildAgency(env.database.db);
    const crossAgency = await buildUser(env.database.db, { role: 'agency_admin', scope: { instansiId: other.instansi.id }, unit: agency.child });
    for (const target of [national, crossAgency]) {
      // The screen is told the same: no edit or reset button for them.
      const shown = (await admin.req('GET', `/api/users/${target.id}`)).json();
      expect(shown.abilities).toMatchObject({ 'user:update': false, 'user:reset_password': false });
      expect((await admin.req('POST', `/api/users/${target.id}/reset-password`)).statusCode).toBe(403);
      expect((await admin.req('PATCH', `/api/users/${target.id}`, { name: 'Diambil Alih' })).statusCode).toBe(403);
      expect((await admin.req('PATCH', `/api/users/${target.id}`, { active: false })).statusCode).toBe(403);
    }
    const [row] = await env.database.query<{ active: boolean; must_change_password: boolean }>(
      'select active, must_change_password from app_user where id = $1',
      [national.id],
    );
    expect(row).toEqual({ active: true, must_change_password: false });
    // Someone holding only roles inside the agency stays manageable.
    const local = await buildUser(env.database.db, { role: 'unit_head', scope: { unitId: agency.child.id, instansiId: agency.instansi.id }, unit: agency.child });
    expect((await admin.req('GET', `/api/users/${local.id}`)).json().abilities).toMatchObject({ 'user:update': true, 'user:reset_password': true });
    // An update's answer carries the roles, so its abilities follow them too.
    const renamed = (await admin.req('PATCH', `/api/users/${local.id}`, { position: 'Kepala Seksi' })).json();
    expect(renamed.roles.map((r: { role: string }) => r.role)).toEqual(['unit_head']);
    expect(renamed.abilities['user:reset_password']).toBe(true);
    expect((await admin.req('POST', `/api/users/${local.id}/reset-password`)).statusCode).toBe(200);
  });

  it('signs a deactivated person out everywhere at once', async () => {
    const u = await buildUser(env.database.db, { unit: agency.child });
    const c = await login(env.app, u.username, TEST_PASSWORD);
    expect((await admin.req('PATCH', `/api/users/${u.id}`, { active: false })).statusCode).toBe(200);
    const [n] = await env.database.query<{ n: number }>('select count(*)::int as n from session where user_id = $1', [u.id]);
    expect(n.n).toBe(0);
    expect((await c.req('GET', '/api/auth/me')).statusCode).toBe(401);
  });

  it('answers a NUL character in a name as a field error and writes nothing', async () => {
    const before = await count('app_user');
    const res = await admin.req('POST', '/api/users', { username: 'nul-char', name: 'Nama\u0000Aneh', unitId: agency.child.id });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields[0].path).toBe('name');
    expect(await count('app_user')).toBe(before);
  });

  it('maps a unique violation the services did not catch (two requests racing) to 409 with its field', async () => {
    const { uniqueViolation } = await import('../../src/http/plugins/errors.ts');
    const { insertUsers } = await import('../../src/repositories/user-repository.ts');
    const { insertUnits } = await import('../../src/repositories/org-repository.ts');
    const caught = async (p: Promise<unknown>) => p.then(() => { throw new Error('expected a unique violation'); }, (e: Error) => e);
    const user = await caught(insertUsers(env.database.db, [{ username: agency.admin.username, name: 'Kembar', passwordHash: 'x' }]));
    expect(uniqueViolation(user)).toMatchObject({ code: 'DUPLICATE_USERNAME', path: 'username' });
    const unit = await caught(insertUnits(env.database.db, [{ instansiId: agency.instansi.id, name: 'Kembar', code: agency.child.code, eselon: 'III', servesPublic: false }]));
    expect(uniqueViolation(unit)).toMatchObject({ code: 'DUPLICATE_CODE', path: 'code' });
    expect(uniqueViolation(new Error('other'))).toBeNull();
  });

  it('does not let an agency admin grant a national role', async () => {
    const u = await buildUser(env.database.db, { unit: agency.child });
    const res = await admin.req('POST', `/api/users/${u.id}/roles`, { role: 'tpn_member' });
    expect(res.statusCode).toBe(403);
  });

  it('refuses writes to people without the permission', async () => {
    const emp = await buildUser(env.database.db, { role: 'employee', scope: { unitId: agency.child.id, instansiId: agency.instansi.id }, unit: agency.child });
    const c = await login(env.app, emp.username, TEST_PASSWORD);
    const res = await c.req('POST', '/api/units', { instansiId: agency.instansi.id, parentId: agency.child.id, name: 'Tidak Boleh', code: 'NOPE' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ code: 'FORBIDDEN', requestId: expect.any(String) });
  });
});

describe('bad input', () => {
  it('malformed JSON is 400', async () => {
    const res = await admin.req('POST', '/api/units', '{"name": ', { 'content-type': 'application/json' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('INVALID_JSON');
  });

  it('schema errors are 422 with field paths', async () => {
    const res = await admin.req('POST', '/api/units', { instansiId: 'bukan-uuid', name: 'x' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['code', 'instansiId', 'name']);
  });

  it('a malformed path parameter is 400', async () => {
    const res = await admin.req('GET', '/api/units/123');
    expect(res.statusCode).toBe(400);
  });

  it('an oversized body is 413', async () => {
    const res = await admin.req('POST', '/api/units', { instansiId: agency.instansi.id, name: 'x'.repeat(30000), code: 'BIG' });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('an unknown API route is a 404 JSON error', async () => {
    const res = await admin.req('GET', '/api/tidak-ada');
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'NOT_FOUND', requestId: expect.any(String) });
  });

  it('the OpenAPI document lists the API routes', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/units', '/api/users/{id}/roles', '/api/auth/login', '/api/health']));
  });
});

describe('unknown routes', () => {
  it('are 404 JSON even without a session', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/tidak-ada-sama-sekali' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });
});

describe('instansi', () => {
  it('may be created by a system administrator only, not by other national or agency roles', async () => {
    const sys = await buildUser(env.database.db, { role: 'system_admin', scope: 'national' });
    const tpn = await buildUser(env.database.db, { role: 'tpn_member', scope: 'national' });
    const body = { name: 'Pemerintah Kota Uji', kind: 'kota', code: `KOTA-${Date.now()}` };
    for (const who of [tpn.username]) {
      const c = await login(env.app, who, TEST_PASSWORD);
      expect((await c.req('POST', '/api/instansi', body)).statusCode).toBe(403);
    }
    expect((await admin.req('POST', '/api/instansi', body)).statusCode).toBe(403);
    const c = await login(env.app, sys.username, TEST_PASSWORD);
    const res = await c.req('POST', '/api/instansi', body);
    expect(res.statusCode).toBe(201);
    expect((await c.req('POST', '/api/instansi', body)).statusCode).toBe(409);
  });
});
