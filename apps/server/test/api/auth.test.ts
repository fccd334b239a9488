import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildAgency, buildUser, TEST_PASSWORD } from '../factories.ts';
import { createTestEnv, login, type TestEnv } from '../harness.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ env: { LOGIN_MAX_FAILURES: '3' } });
});
afterAll(() => env.close());

describe('authentication', () => {
  it('reports health with the database kind', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: env.database.kind });
  });

  it('stores argon2id hashes, never the password', async () => {
    const user = await buildUser(env.database.db, {});
    expect(user.passwordHash.startsWith('$argon2id$')).toBe(true);
    expect(user.passwordHash).not.toContain(TEST_PASSWORD);
  });

  it('logs in, returns me, and logs out destroying the session server-side', async () => {
    const { admin } = await buildAgency(env.database.db);
    const res = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: admin.username, password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(200);
    const set = res.headers['set-cookie'] as string;
    expect(set).toMatch(/HttpOnly/i);
    expect(set).toMatch(/SameSite=Lax/i);
    expect(res.json().user.username).toBe(admin.username);
    expect(res.json().user.passwordHash).toBeUndefined();
    const c = await login(env.app, admin.username, TEST_PASSWORD);
    const me = await c.req('GET', '/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().user.username).toBe(admin.username);
    expect(me.json().roles[0]).toMatchObject({ role: 'agency_admin', unitId: null });
    const out = await c.req('POST', '/api/auth/logout');
    expect(out.statusCode).toBe(204);
    expect((await c.req('GET', '/api/auth/me')).statusCode).toBe(401);
    const rows = await env.database.db.execute(sql`select count(*)::int as n from session where user_id = ${admin.id}`);
    // The first login's session is still open; the logged-out one is gone.
    expect(Number((rows as unknown as { rows: { n: number }[] }).rows[0].n)).toBe(1);
  });

  it('answers 401 for wrong credentials and for no session', async () => {
    const res = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody-here', password: 'x' } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('INVALID_CREDENTIALS');
    expect(res.json().error.requestId).toBeTruthy();
    const me = await env.app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(me.statusCode).toBe(401);
    expect(me.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('locks the account after repeated failures, even for the right password', async () => {
    const user = await buildUser(env.database.db, {});
    for (let i = 0; i < 2; i++) {
      const r = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: 'salah' } });
      expect(r.statusCode).toBe(401);
    }
    const third = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: 'salah' } });
    expect(third.statusCode).toBe(423);
    expect(third.json().error.code).toBe('ACCOUNT_LOCKED');
    const right = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: TEST_PASSWORD } });
    expect(right.statusCode).toBe(423);
    // The lock starts a fresh count: once it expires, one more slip is not an instant re-lock.
    const [row] = await env.database.query<{ failed_logins: number }>('select failed_logins from app_user where id = $1', [user.id]);
    expect(row.failed_logins).toBe(0);
    await env.database.query(`update app_user set locked_until = now() - interval '1 minute' where id = $1`, [user.id]);
    const slip = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: 'salah' } });
    expect(slip.statusCode).toBe(401);
    await login(env.app, user.username, TEST_PASSWORD);
  });

  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const { admin, instansi } = await buildAgency(env.database.db);
    const c = await login(env.app, admin.username, TEST_PASSWORD);
    const body = { instansiId: instansi.id, parentId: null, name: 'Unit Tanpa Token', code: 'NO-CSRF' };
    const res = await env.app.inject({ method: 'POST', url: '/api/units', cookies: { zona_session: c.cookie }, payload: body });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_FAILED');
    const wrong = await c.req('POST', '/api/units', body, { 'x-csrf-token': 'salah' });
    expect(wrong.statusCode).toBe(403);
    const ok = await c.req('POST', '/api/units', body);
    expect(ok.statusCode).toBe(201);
  });

  it('changes the own password', async () => {
    const user = await buildUser(env.database.db, {});
    const c = await login(env.app, user.username, TEST_PASSWORD);
    const bad = await c.req('POST', '/api/auth/password', { currentPassword: 'salah', newPassword: 'sandi-baru-panjang' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.fields[0].path).toBe('currentPassword');
    const elsewhere = await login(env.app, user.username, TEST_PASSWORD);
    const ok = await c.req('POST', '/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'sandi-baru-panjang' });
    expect(ok.statusCode).toBe(204);
    // This session stays; the one in the other browser (perhaps the reason for the change) ends.
    expect((await c.req('GET', '/api/auth/me')).statusCode).toBe(200);
    expect((await elsewhere.req('GET', '/api/auth/me')).statusCode).toBe(401);
    await login(env.app, user.username, 'sandi-baru-panjang');
  });

  it('signs in again over a stale or live session cookie without a CSRF token, replacing the old session', async () => {
    const user = await buildUser(env.database.db, {});
    const first = await login(env.app, user.username, TEST_PASSWORD);
    const again = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      cookies: { zona_session: first.cookie },
      payload: { username: user.username, password: TEST_PASSWORD },
    });
    expect(again.statusCode).toBe(200);
    expect((await first.req('GET', '/api/auth/me')).statusCode).toBe(401);
    const [n] = await env.database.query<{ n: number }>('select count(*)::int as n from session where user_id = $1', [user.id]);
    expect(n.n).toBe(1);
  });

  it('sweeps expired sessions when someone signs in', async () => {
    const user = await buildUser(env.database.db, {});
    await login(env.app, user.username, TEST_PASSWORD);
    await env.database.query(`update session set expires_at = now() - interval '1 hour' where user_id = $1`, [user.id]);
    await login(env.app, (await buildUser(env.database.db, {})).username, TEST_PASSWORD);
    const [n] = await env.database.query<{ n: number }>('select count(*)::int as n from session where user_id = $1', [user.id]);
    expect(n.n).toBe(0);
  });

  it('refuses a NUL character as a field error and keeps the database out of it', async () => {
    const res = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'adm\u0000in', password: 'x' } });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields[0].path).toBe('username');
  });

  it('sends strict security headers', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBeTruthy();
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('refuses an unauthenticated write before reading its body', async () => {
    const res = await env.app.inject({ method: 'POST', url: '/api/units', headers: { 'content-type': 'application/json' }, payload: '{"rusak":' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });
});

describe('login rate limit', () => {
  it('answers 429 with the error shape once an IP exceeds the per-minute limit', async () => {
    const limited = await createTestEnv({ env: { LOGIN_RATE_PER_MINUTE: '3' } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) {
        const r = await limited.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'siapa', password: 'x' } });
        codes.push(r.statusCode);
        if (r.statusCode === 429) expect(r.json().error).toMatchObject({ code: 'RATE_LIMITED', requestId: expect.any(String) });
      }
      expect(codes).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe('API rate limit', () => {
  it('counts refused anonymous calls too, so a flood without a session is throttled', async () => {
    const limited = await createTestEnv({ env: { API_RATE_PER_MINUTE: '3' } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) codes.push((await limited.app.inject({ method: 'GET', url: '/api/units' })).statusCode);
      expect(codes).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe('temporary passwords', () => {
  it('allow only me, password change and logout until the password is changed', async () => {
    const { admin, child } = await buildAgency(env.database.db);
    const a = await login(env.app, admin.username, TEST_PASSWORD);
    const created = await a.req('POST', '/api/users', { username: `sementara${Date.now()}`, name: 'Sandi Sementara', unitId: child.id });
    const { user, temporaryPassword } = created.json();
    const c = await login(env.app, user.username, temporaryPassword);
    expect((await c.req('GET', '/api/auth/me')).statusCode).toBe(200);
    const blocked = await c.req('GET', '/api/units');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await c.req('POST', '/api/auth/password', { currentPassword: temporaryPassword, newPassword: 'sandi-pilihan-sendiri' })).statusCode).toBe(204);
    expect((await c.req('GET', '/api/units')).statusCode).toBe(200);
  });
});
