import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseNip, ROLES } from '@zona/shared';
import { DEMO_PASSWORD, seedDemoIfEmpty } from '../../src/seed/demo.ts';
import { verifyAuditChain } from '../../src/services/audit/verify-audit.ts';
import { createTestEnv, login, type TestEnv } from '../harness.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env.close());

const FIXED: Record<string, string> = {
  admin: 'system_admin',
  'admin.kemenkeu': 'agency_admin',
  'pimpinan.kpknl': 'unit_head',
  'tim.kpknl': 'work_team',
  'pegawai.kpknl': 'employee',
  'pimpinan.rsud': 'unit_head',
  'tpi.kemenkeu': 'tpi_member',
  'upg.kemenkeu': 'upg_officer',
  tpn: 'tpn_member',
};

describe('demo seed', () => {
  it('creates the demo organisation once, with one account per role and the contract usernames', async () => {
    const summary = await seedDemoIfEmpty(env.database.db);
    expect(summary).toMatchObject({ instansi: 3 });
    expect(summary?.users).toBeGreaterThanOrEqual(40);
    expect(await seedDemoIfEmpty(env.database.db)).toBeNull();

    const admin = await login(env.app, 'admin', DEMO_PASSWORD);
    const users = (await admin.req('GET', '/api/users?pageSize=100')).json();
    expect(users.total).toBe(summary?.users);
    const held = new Set(users.items.flatMap((u: { roles: { role: string }[] }) => u.roles.map((r) => r.role)));
    for (const role of ROLES) expect(held, role).toContain(role);
    for (const [username, role] of Object.entries(FIXED)) {
      const c = await login(env.app, username, DEMO_PASSWORD);
      const me = (await c.req('GET', '/api/auth/me')).json();
      expect(me.roles.map((r: { role: string }) => r.role), username).toContain(role);
    }
    for (const u of users.items as { username: string; nip: string | null }[]) {
      if (u.nip) expect(parseNip(u.nip).ok, `${u.username} ${u.nip}`).toBe(true);
    }
    const instansi = (await admin.req('GET', '/api/instansi')).json().items.map((i: { name: string }) => i.name);
    expect(instansi).toEqual(expect.arrayContaining(['Kementerian Keuangan', 'Pemerintah Kabupaten Sukamaju']));
    const units = (await admin.req('GET', '/api/units?pageSize=100')).json().items.map((u: { name: string }) => u.name).join('|');
    for (const part of ['Direktorat Jenderal', 'Kantor Wilayah', 'KPKNL', 'RSUD', 'Kependudukan', 'Terpadu Satu Pintu', 'Inspektorat']) expect(units).toContain(part);
    expect((await verifyAuditChain(env.database.db)).ok).toBe(true);
  });

  it('keeps the RSUD head out of the ministry', async () => {
    const c = await login(env.app, 'pimpinan.rsud', DEMO_PASSWORD);
    const names = (await c.req('GET', '/api/units?pageSize=100')).json().items.map((u: { name: string }) => u.name);
    expect(names.join('|')).not.toContain('KPKNL');
    expect(names.join('|')).toContain('RSUD');
  });
});
