import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NIP_MESSAGES } from '@zona/shared';
import { UPLOAD_PREFIX } from '../../src/services/imports/upload.ts';
import { buildAgency, buildUser, TEST_PASSWORD, validNip } from '../factories.ts';
import { zip } from '../zip-writer.ts';
import { type Client, createTestEnv, login, type TestEnv } from '../harness.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const LIMIT = 64 * 1024;

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ env: { UPLOAD_LIMIT_BYTES: String(LIMIT) } });
});
afterAll(() => env.close());

/** A multipart body with one file part, built by the platform's own FormData encoder. */
async function multipart(bytes: Buffer, filename = 'data.xlsx', type = XLSX, field = 'file') {
  const form = new FormData();
  form.append(field, new Blob([new Uint8Array(bytes)], { type }), filename);
  const res = new Response(form);
  return { payload: Buffer.from(await res.arrayBuffer()), headers: { 'content-type': res.headers.get('content-type') as string } };
}

async function upload(c: Client, url: string, bytes: Buffer, filename?: string, type?: string) {
  const body = await multipart(bytes, filename, type);
  return c.req('POST', url, body.payload, body.headers);
}

async function counts() {
  const [row] = await env.database.query<{ units: number; users: number; roles: number; audit: number }>(
    `select (select count(*) from unit)::int as units, (select count(*) from app_user)::int as users,
            (select count(*) from role_assignment)::int as roles, (select count(*) from audit_event)::int as audit`,
  );
  return row;
}

async function templateOf(c: Client, url: string): Promise<ExcelJS.Workbook> {
  const res = await c.req('GET', url);
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe(XLSX);
  expect(res.headers['content-disposition']).toMatch(/^attachment; filename="templat-/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as never);
  return wb;
}

/** Writes `rows` under the header of `sheet` (starting at row 2) and returns the file bytes. */
async function filled(wb: ExcelJS.Workbook, sheet: string, rows: (string | null)[][]): Promise<Buffer> {
  const ws = wb.getWorksheet(sheet) as ExcelJS.Worksheet;
  rows.forEach((values, i) => {
    values.forEach((v, j) => {
      ws.getCell(i + 2, j + 1).value = v;
    });
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A fresh workbook with one sheet, for files made without the template. */
function sheetWith(name: string, header: string[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet(name).addRow(header);
  return wb;
}
const UNIT_HEADER = ['Kode', 'Nama', 'Kode Induk', 'Eselon', 'Melayani Publik', 'Alamat'];
const USER_HEADER = ['Nama Pengguna', 'Nama Lengkap', 'NIP', 'Email', 'Kode Unit', 'Jabatan', 'Peran'];
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const leftovers = () => readdirSync(tmpdir()).filter((f) => f.startsWith(UPLOAD_PREFIX));

describe('unit import', () => {
  it('offers a template that re-imports cleanly, parents before children', async () => {
    const { instansi, root, admin } = await buildAgency(env.database.db);
    const c = await login(env.app, admin.username, TEST_PASSWORD);
    const wb = await templateOf(c, `/api/units/import-template?instansiId=${instansi.id}`);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Unit', 'Petunjuk', 'Unit Instansi']);
    expect((wb.getWorksheet('Unit')?.getRow(1).values as unknown[]).slice(1)).toEqual(UNIT_HEADER);
    expect(wb.getWorksheet('Unit')?.getCell('D2').dataValidation).toMatchObject({ type: 'list', formulae: ['"I,II,III,IV,V"'] });
    expect(wb.getWorksheet('Unit')?.getCell('E5').dataValidation).toMatchObject({ type: 'list', formulae: ['"Ya,Tidak"'] });
    expect(wb.getWorksheet('Unit Instansi')?.getColumn(1).values).toContain(root.code);

    // B's parent C comes later in the file; C's parent A is in the file; A's parent is in the database.
    const bytes = await filled(wb, 'Unit', [
      ['IMP-A', 'Bagian Umum', root.code, 'III', 'Tidak', 'Jl. Merdeka 1'],
      ['IMP-B', 'Subbagian Layanan', 'IMP-C', 'V', 'ya', null],
      ['IMP-C', 'Seksi Pelayanan', 'IMP-A', 'iv', 'Ya', null],
    ]);
    const before = await counts();
    const res = await upload(c, `/api/units/import?instansiId=${instansi.id}`, bytes);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 3, sha256: sha256(bytes) });
    const units = await env.database.query<{ code: string; parent: string | null; eselon: string; serves_public: boolean }>(
      `select u.code, p.code as parent, u.eselon, u.serves_public from unit u left join unit p on p.id = u.parent_id
       where u.instansi_id = $1 and u.code like 'IMP-%' order by u.code`,
      [instansi.id],
    );
    expect(units).toEqual([
      { code: 'IMP-A', parent: root.code, eselon: 'III', serves_public: false },
      { code: 'IMP-B', parent: 'IMP-C', eselon: 'V', serves_public: true },
      { code: 'IMP-C', parent: 'IMP-A', eselon: 'IV', serves_public: true },
    ]);
    const events = await env.database.query<{ action: string; payload: { file?: string; count?: number } }>(
      'select action, payload from audit_event where seq > (select max(seq) - 4 from audit_event) order by seq',
    );
    expect(events.map((e) => e.action).sort()).toEqual(['unit.created', 'unit.created', 'unit.created', 'unit.imported']);
    expect(events.find((e) => e.action === 'unit.imported')?.payload).toEqual({ count: 3, file: sha256(bytes) });
    expect((await counts()).audit).toBe(before.audit + 4);
    expect(leftovers()).toEqual([]);
  });

  it('reports every bad cell of a file and writes nothing', async () => {
    const { instansi, root, admin } = await buildAgency(env.database.db);
    const c = await login(env.app, admin.username, TEST_PASSWORD);
    const bytes = await filled(sheetWith('Unit', UNIT_HEADER), 'Unit', [
      ['OK-1', 'Bagian Satu', null, 'II', 'Ya', null],
      ['OK-2', 'Bagian Dua', 'OK-1', null, null, null],
      [root.code, null, 'TIDAK-ADA', 'VI', 'Mungkin', null], // row 4: taken code, no name, unknown parent, eselon, Ya/Tidak
      ['OK-3', 'Bagian Tiga', root.code, 'III', 'Tidak', null],
      ['OK-1', 'Kode ganda!', 'OK-1', null, null, null], // row 6: duplicate code in the file, its own parent by code
    ]);
    const before = await counts();
    const res = await upload(c, `/api/units/import?instansiId=${instansi.id}`, bytes);
    expect(res.statusCode).toBe(422);
    const error = res.json().error;
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.requestId).toBeTruthy();
    expect(error.message).toMatch(/Tidak ada data yang disimpan/);
    const cells = error.rows.map((r: { row: number; column: string }) => `${r.row}.${r.column}`).sort();
    expect(cells).toEqual(['4.Eselon', '4.Kode', '4.Kode Induk', '4.Melayani Publik', '4.Nama', '6.Kode', '6.Kode Induk'].sort());
    expect(error.rows).toContainEqual({ sheet: 'Unit', row: 4, column: 'Nama', message: 'Nama wajib diisi' });
    expect(error.rows).toContainEqual({ sheet: 'Unit', row: 4, column: 'Kode Induk', message: 'Kode Induk "TIDAK-ADA" tidak ditemukan di instansi ini maupun di berkas' });
    expect(error.fields).toContainEqual({ path: 'Unit!4.Eselon', message: 'Eselon harus I, II, III, IV atau V' });
    expect(error.fields).toContainEqual({ path: 'Unit!6.Kode', message: 'Kode "OK-1" sudah dipakai di baris 2 berkas ini' });
    expect(await counts()).toEqual(before);
    expect(leftovers()).toEqual([]);
  });

  it('names a cycle of parent codes and a missing header', async () => {
    const { instansi, admin } = await buildAgency(env.database.db);
    const c = await login(env.app, admin.username, TEST_PASSWORD);
    const cyclic = await filled(sheetWith('Unit', UNIT_HEADER), 'Unit', [
      ['CY-A', 'Unit A', 'CY-B', null, null, null],
      ['CY-B', 'Unit B', 'CY-A', null, null, null],
    ]);
    const res = await upload(c, `/api/units/import?instansiId=${instansi.id}`, cyclic);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.rows[0].message).toBe('Kode Induk membentuk lingkaran: CY-A → CY-B → CY-A');
    const noHeader = await filled(sheetWith('Unit', ['Kode', 'Nama']), 'Unit', [['X-1', 'Unit X']]);
    const res2 = await upload(c, `/api/units/import?instansiId=${instansi.id}`, noHeader);
    expect(res2.statusCode).toBe(422);
    expect(res2.json().error.rows.map((r: { column: string }) => r.column)).toEqual(['Kode Induk', 'Eselon', 'Melayani Publik', 'Alamat']);
  });

  it('refuses files that are not xlsx by their content, whatever their name and type say', async () => {
    const { instansi, admin } = await buildAgency(env.database.db);
    const c = await login(env.app, admin.username, TEST_PASSWORD);
    const before = await counts();
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]);
    for (const bytes of [png, Buffer.from('Kode;Nama\nA;Unit A\n'), zip]) {
      const res = await upload(c, `/api/units/import?instansiId=${instansi.id}`, bytes, 'unit.xlsx', XLSX);
      expect(res.statusCode).toBe(415);
      expect(res.json().error).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', message: expect.stringContaining('.xlsx') });
    }
    const json = await c.req('POST', `/api/units/import?instansiId=${instansi.id}`, { file: 'x' });
    expect(json.statusCode).toBe(415);
    const empty = await multipart(Buffer.from('x'), 'a.txt', 'text/plain', 'lain');
    expect((await c.req('POST', `/api/units/import?instansiId=${instansi.id}`, empty.payload, empty.headers)).statusCode).toBe(400);
    expect(await counts()).toEqual(before);
    expect(leftovers()).toEqual([]);
  });

  it('answers 413 for an upload over the limit and writes nothing', async () => {
    const { instansi, admin } = await buildAgency(env.database.db);
    const c = await login(env.app, admin.username, TEST_PASSWORD);
    const before = await counts();
    const big = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(LIMIT * 2, 1)]);
    const res = await upload(c, `/api/units/import?instansiId=${instansi.id}`, big);
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(res.json().error.message).toContain('64 KB');
    expect(await counts()).toEqual(before);
    expect(leftovers()).toEqual([]);
  });

  it('refuses a ZIP bomb that fits the upload limit but unpacks to over 8 MB, and writes nothing', async () => {
    const { instansi, admin } = await buildAgency(env.database.db);
    const c = await login(env.app, admin.username, TEST_PASSWORD);
    const before = await counts();
    const bomb = zip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(9 * 1_048_576, 0x20) }]);
    expect(bomb.length).toBeLessThan(LIMIT);
    const res = await upload(c, `/api/units/import?instansiId=${instansi.id}`, bomb);
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: expect.stringContaining('terlalu besar setelah dibuka') });
    expect(await counts()).toEqual(before);
    expect(leftovers()).toEqual([]);
  });
});

describe('user import', () => {
  it('offers a template that re-imports cleanly with temporary passwords and roles', async () => {
    const { instansi, root, child, admin } = await buildAgency(env.database.db);
    const c = await login(env.app, admin.username, TEST_PASSWORD);
    const wb = await templateOf(c, `/api/users/import-template?instansiId=${instansi.id}`);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Pengguna', 'Petunjuk', 'Unit Instansi', 'Peran']);
    expect((wb.getWorksheet('Pengguna')?.getRow(1).values as unknown[]).slice(1)).toEqual(USER_HEADER);
    const roleList = wb.getWorksheet('Pengguna')?.getCell('G2').dataValidation?.formulae?.[0] as string;
    expect(roleList).toContain('unit_head');
    expect(roleList).not.toContain('agency_admin');
    expect(wb.getWorksheet('Pengguna')?.getCell('E2').dataValidation?.formulae?.[0]).toBe("'Unit Instansi'!$A$2:$A$3");

    const tag = Date.now().toString(36);
    const nips = [validNip(), validNip()];
    const bytes = await filled(wb, 'Pengguna', [
      [`Imp.Satu.${tag}`, 'Siti Rahmawati, S.E.', nips[0], 'siti@contoh.go.id', root.code, 'Kepala Bagian', 'unit_head'],
      [`imp.dua.${tag}`, 'Budi Santoso', `${nips[1].slice(0, 8)} ${nips[1].slice(8)}`, null, child.code, null, null],
    ]);
    const before = await counts();
    const res = await upload(c, `/api/users/import?instansiId=${instansi.id}`, bytes);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json();
    expect(body.created).toBe(2);
    expect(body.sha256).toBe(sha256(bytes));
    expect(body.users.map((u: { username: string }) => u.username)).toEqual([`imp.satu.${tag}`, `imp.dua.${tag}`]);
    const after = await counts();
    expect(after.users).toBe(before.users + 2);
    expect(after.roles).toBe(before.roles + 1);
    expect(after.audit).toBe(before.audit + 4); // 2 × user.created, role.assigned, user.imported
    const [stored] = await env.database.query<{ nip: string; must_change_password: boolean }>(
      'select nip, must_change_password from app_user where username = $1',
      [`imp.dua.${tag}`],
    );
    expect(stored).toEqual({ nip: nips[1], must_change_password: true });
    const fresh = await login(env.app, body.users[0].username, body.users[0].temporaryPassword);
    const me = (await fresh.req('GET', '/api/auth/me')).json();
    expect(me.roles[0]).toMatchObject({ role: 'unit_head', unitId: root.id });
  });

  it('reports every bad cell of a file and writes nothing', async () => {
    const { instansi, root, admin } = await buildAgency(env.database.db);
    const c = await login(env.app, admin.username, TEST_PASSWORD);
    const tag = Date.now().toString(36);
    const good = (n: number) => [`baik${n}.${tag}`, `Pegawai Baik ${n}`, validNip(), null, root.code, null, 'employee'];
    const bytes = await filled(sheetWith('Pengguna', USER_HEADER), 'Pengguna', [
      good(1),
      [admin.username, 'Sudah Ada', '198513322010011001', 'bukan-email', 'TIDAK-ADA', null, 'agency_admin'], // row 3
      good(2),
      [`baik1.${tag}`, 'X', '12345', null, root.code, null, null], // row 5: duplicate in file, short name, NIP
      good(3),
    ]);
    const before = await counts();
    const res = await upload(c, `/api/users/import?instansiId=${instansi.id}`, bytes);
    expect(res.statusCode).toBe(422);
    const rows = res.json().error.rows as { row: number; column: string; message: string }[];
    expect(rows.map((r) => `${r.row}.${r.column}`).sort()).toEqual(
      ['3.Nama Pengguna', '3.NIP', '3.Email', '3.Kode Unit', '3.Peran', '5.Nama Pengguna', '5.Nama Lengkap', '5.NIP'].sort(),
    );
    expect(rows).toContainEqual({ sheet: 'Pengguna', row: 3, column: 'NIP', message: NIP_MESSAGES.birth_date.id });
    expect(rows).toContainEqual({ sheet: 'Pengguna', row: 5, column: 'NIP', message: NIP_MESSAGES.length.id });
    expect(rows).toContainEqual({ sheet: 'Pengguna', row: 3, column: 'Nama Pengguna', message: `Nama pengguna "${admin.username}" sudah dipakai` });
    expect(rows).toContainEqual({ sheet: 'Pengguna', row: 3, column: 'Kode Unit', message: 'Kode Unit "TIDAK-ADA" tidak ditemukan di instansi ini' });
    expect(await counts()).toEqual(before);
  });
});

describe('control characters in cells', () => {
  // Excel escapes characters XML cannot hold as _xHHHH_, and exceljs decodes them back, so a
  // cell can carry U+0000, which PostgreSQL cannot store: it must be a cell error, not a 500.
  it('reports a NUL in a free-text cell of either import as that cell, and writes nothing', async () => {
    const { instansi, root, admin } = await buildAgency(env.database.db);
    const c = await login(env.app, admin.username, TEST_PASSWORD);
    const tag = Date.now().toString(36);
    const before = await counts();
    const users = await filled(sheetWith('Pengguna', USER_HEADER), 'Pengguna', [
      [`nul.${tag}`, 'Pegawai Nul', validNip(), null, root.code, 'POS_x0000_XYZ', null],
    ]);
    const u = await upload(c, `/api/users/import?instansiId=${instansi.id}`, users);
    expect(u.statusCode, u.body).toBe(422);
    expect(u.json().error.rows).toEqual([{ sheet: 'Pengguna', row: 2, column: 'Jabatan', message: 'Teks memuat karakter yang tidak diizinkan' }]);
    const units = await filled(sheetWith('Unit', UNIT_HEADER), 'Unit', [[`NUL-${tag}`.toUpperCase(), 'Unit Nul', root.code, null, null, 'Jl._x0000_Merdeka']]);
    const n = await upload(c, `/api/units/import?instansiId=${instansi.id}`, units);
    expect(n.statusCode, n.body).toBe(422);
    expect(n.json().error.rows).toEqual([{ sheet: 'Unit', row: 2, column: 'Alamat', message: 'Teks memuat karakter yang tidak diizinkan' }]);
    expect(await counts()).toEqual(before);
  });
});

describe('import access', () => {
  it("hides another agency's instansi (404) and refuses an employee (403), before reading the file", async () => {
    const mine = await buildAgency(env.database.db);
    const other = await buildAgency(env.database.db);
    const employee = await buildUser(env.database.db, { role: 'employee', scope: { instansiId: mine.instansi.id, unitId: mine.root.id }, unit: mine.root });
    const stranger = await login(env.app, other.admin.username, TEST_PASSWORD);
    const staff = await login(env.app, employee.username, TEST_PASSWORD);
    const bytes = await filled(sheetWith('Unit', UNIT_HEADER), 'Unit', [['AKSES-1', 'Unit Akses', null, null, null, null]]);
    const before = await counts();
    for (const kind of ['units', 'users']) {
      const template = `/api/${kind}/import-template?instansiId=${mine.instansi.id}`;
      const post = `/api/${kind}/import?instansiId=${mine.instansi.id}`;
      expect((await stranger.req('GET', template)).statusCode).toBe(404);
      expect((await upload(stranger, post, bytes)).json().error.code).toBe('NOT_FOUND');
      expect((await staff.req('GET', template)).statusCode).toBe(403);
      expect((await upload(staff, post, bytes)).json().error.code).toBe('FORBIDDEN');
    }
    expect(await counts()).toEqual(before);
  });

  it('requires the CSRF token and a session', async () => {
    const { instansi, admin } = await buildAgency(env.database.db);
    const c = await login(env.app, admin.username, TEST_PASSWORD);
    const bytes = await filled(sheetWith('Unit', UNIT_HEADER), 'Unit', [['CSRF-1', 'Unit CSRF', null, null, null, null]]);
    const body = await multipart(bytes);
    const url = `/api/units/import?instansiId=${instansi.id}`;
    const noToken = await env.app.inject({ method: 'POST', url, cookies: { zona_session: c.cookie }, headers: body.headers, payload: body.payload });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe('CSRF_FAILED');
    const anonymous = await env.app.inject({ method: 'POST', url, headers: body.headers, payload: body.payload });
    expect(anonymous.statusCode).toBe(401);
    expect((await env.app.inject({ method: 'GET', url: `/api/units/import-template?instansiId=${instansi.id}` })).statusCode).toBe(401);
    const [n] = await env.database.query<{ n: number }>("select count(*)::int as n from unit where code = 'CSRF-1'");
    expect(n.n).toBe(0);
  });

  it('lists the import routes in the OpenAPI document', async () => {
    const doc = (await env.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/units/import', '/api/users/import-template']));
  });
});
