/**
 * Bulk user import from an xlsx template: every row is checked (cells, NIP structure, duplicates
 * in the file and in the database, unit codes, grantable roles) before anything is written; then
 * all users, their optional unit-scoped roles and the audit events go in one transaction. Each
 * user gets a temporary password, returned once so the administrator can hand it out.
 */
import { z } from 'zod';
import { CreateUnitSchema, CreateUserSchema, NIP_MESSAGES, parseNip, type Role, ROLE_LABELS, ROLE_SCOPES, ROLES, text, UsernameSchema } from '@zona/shared';
import type { AuditInput } from '../../audit/events.ts';
import { recordAudit } from '../../audit/record.ts';
import type { Executor } from '../../db/client.ts';
import { canGrantRole, scopeFor } from '../../policies/access.ts';
import { type UnitRow, unitsByCode, unitsOfInstansi } from '../../repositories/org-repository.ts';
import * as repo from '../../repositories/user-repository.ts';
import { hashPassword, temporaryPassword } from '../auth/password.ts';
import type { ServiceContext } from '../context.ts';
import { loadImportTarget } from '../imports/access.ts';
import { attachment, buildTemplate, commonInstructions } from '../imports/template.ts';
import type { StoredUpload } from '../imports/upload.ts';
import { type Columns, duplicatesInFile, importFailed, openWorkbook, readSheet, type RowError, type RowOf } from '../imports/workbook.ts';

export const USER_SHEET = 'Pengguna';
const UNIT_SHEET = 'Unit Instansi';
const ROLE_SHEET = 'Peran';

/** Roles an import may grant: those that can be scoped to the user's own unit. */
export const UNIT_ROLES = ROLES.filter((r) => ROLE_SCOPES[r].includes('unit'));

/** NIP with its structure checked; spaces people type for readability are dropped. */
const nipSchema = z.string().transform((v, ctx) => {
  const nip = v.replace(/\s+/g, '');
  const r = parseNip(nip);
  if (r.ok) return nip;
  ctx.addIssue({ code: 'custom', message: NIP_MESSAGES[r.problem].id });
  return z.NEVER;
});

export const USER_COLUMNS = {
  username: {
    header: 'Nama Pengguna',
    required: true,
    schema: UsernameSchema,
    note: 'Nama untuk masuk: 3–60 huruf kecil, angka, titik, garis bawah atau tanda hubung; unik di seluruh sistem.',
    width: 22,
    isText: true,
  },
  name: { header: 'Nama Lengkap', required: true, schema: CreateUserSchema.shape.name, note: 'Nama lengkap beserta gelar, 2–200 karakter.', width: 36 },
  nip: {
    header: 'NIP',
    required: false,
    schema: nipSchema,
    note: 'NIP 18 digit (tanggal lahir, TMT CPNS, jenis kelamin, nomor urut). Ketik sebagai teks agar Excel tidak membulatkannya. Kosongkan untuk non-ASN.',
    width: 22,
    isText: true,
  },
  email: { header: 'Email', required: false, schema: z.email('Email tidak valid'), note: 'Alamat email dinas.', width: 30 },
  unitCode: {
    header: 'Kode Unit',
    required: true,
    schema: CreateUnitSchema.shape.code,
    note: `Kode unit tempat pegawai bertugas (pilih dari daftar; lihat lembar "${UNIT_SHEET}").`,
    width: 18,
    isText: true,
  },
  position: { header: 'Jabatan', required: false, schema: text().max(200, 'Jabatan paling banyak 200 karakter'), note: 'Nama jabatan.', width: 30 },
  role: {
    header: 'Peran',
    required: false,
    schema: z.enum(UNIT_ROLES, { message: `Peran harus salah satu dari: ${UNIT_ROLES.join(', ')}` }),
    note: `Peran pada unitnya (boleh kosong): kode dari lembar "${ROLE_SHEET}". Peran tingkat instansi dan nasional diberikan lewat layar pengguna.`,
    width: 18,
    choices: UNIT_ROLES,
  },
} satisfies Columns;

type UserImportRow = RowOf<typeof USER_COLUMNS>;

/** The user template of an instansi: its active units and the grantable roles as references. */
export async function userImportTemplate(ctx: ServiceContext, instansiId: string) {
  const inst = await loadImportTarget(ctx, ctx.db, instansiId, 'user:import');
  const units = (await unitsOfInstansi(ctx.db, scopeFor(ctx.actor, 'unit:read'), instansiId)).filter((u) => u.active);
  const body = await buildTemplate({
    sheet: USER_SHEET,
    columns: USER_COLUMNS,
    title: `Petunjuk impor pengguna — ${inst.name}`,
    instructions: [
      ...commonInstructions(USER_SHEET, ctx.config.UPLOAD_LIMIT_BYTES),
      'Setiap pengguna baru mendapat kata sandi sementara yang ditampilkan sekali setelah impor berhasil dan wajib diganti saat pertama kali masuk.',
    ],
    references: [
      { name: UNIT_SHEET, headers: ['Kode', 'Nama', 'Eselon'], widths: [18, 44, 10], rows: units.map((u) => [u.code, u.name, u.eselon]) },
      { name: ROLE_SHEET, headers: ['Kode', 'Nama'], widths: [18, 36], rows: UNIT_ROLES.map((r) => [r, ROLE_LABELS[r].id]) },
    ],
    listFrom: { column: 'unitCode', sheet: UNIT_SHEET },
  });
  return { body, disposition: attachment(`templat-pengguna-${inst.code}.xlsx`) };
}

/**
 * Checks that need the database: identities already taken anywhere, unit codes of this instansi,
 * and whether the caller may grant each role there. Returns the units found by code.
 */
async function checkAgainstDb(ctx: ServiceContext, db: Executor, instansiId: string, rows: UserImportRow[]) {
  const errors: RowError[] = [];
  const err = (row: number, column: string, message: string) => errors.push({ sheet: USER_SHEET, row, column, message });
  const present = <K extends 'username' | 'nip' | 'unitCode'>(k: K) => [...new Set(rows.map((r) => r[k]).filter((v): v is string => !!v))];
  // One statement at a time: inside a transaction `pg` runs on one client, which must not be
  // given concurrent queries (hence also the two separate identity look-ups).
  const taken = {
    usernames: (await repo.takenIdentities(db, present('username'), [])).usernames,
    nips: (await repo.takenIdentities(db, [], present('nip'))).nips,
  };
  const units = await unitsByCode(db, instansiId, present('unitCode'));
  for (const r of rows) {
    if (r.username && taken.usernames.has(r.username)) err(r.row, 'Nama Pengguna', `Nama pengguna "${r.username}" sudah dipakai`);
    if (r.nip && taken.nips.has(r.nip)) err(r.row, 'NIP', 'NIP sudah terdaftar');
    const unit = r.unitCode ? units.get(r.unitCode) : undefined;
    if (r.unitCode && !unit) err(r.row, 'Kode Unit', `Kode Unit "${r.unitCode}" tidak ditemukan di instansi ini`);
    else if (unit && !unit.active) err(r.row, 'Kode Unit', `Unit "${unit.code}" sudah nonaktif`);
    if (unit && r.role && !canGrantRole(ctx.actor, r.role as Role, { instansiId, unitId: unit.id })) {
      err(r.row, 'Peran', 'Anda tidak berwenang memberikan peran ini pada unit tersebut');
    }
  }
  return { errors, units };
}

/** Imports the users of an uploaded workbook into an instansi; all or nothing. */
export async function importUsers(ctx: ServiceContext, instansiId: string, upload: StoredUpload) {
  const wb = await openWorkbook(upload);
  const { rows, errors } = readSheet(wb, USER_SHEET, USER_COLUMNS);
  errors.push(
    ...duplicatesInFile(rows, (r) => r.username, USER_SHEET, 'Nama Pengguna', 'Nama pengguna'),
    ...duplicatesInFile(rows, (r) => r.nip, USER_SHEET, 'NIP', 'NIP'),
  );
  // A first check outside the transaction answers a bad file before any argon2id work, and the
  // hashing (seconds for a large file) then runs without holding a transaction open.
  await loadImportTarget(ctx, ctx.db, instansiId, 'user:import');
  errors.push(...(await checkAgainstDb(ctx, ctx.db, instansiId, rows)).errors);
  if (errors.length) throw importFailed(errors);
  const passwords = rows.map(() => temporaryPassword());
  const hashes = await Promise.all(passwords.map(hashPassword));

  return ctx.db.transaction(async (tx) => {
    // Again inside the transaction: a username may have been taken in the meantime.
    await loadImportTarget(ctx, tx, instansiId, 'user:import');
    const checked = await checkAgainstDb(ctx, tx, instansiId, rows);
    if (checked.errors.length) throw importFailed(checked.errors);
    const unitOf = (r: UserImportRow) => checked.units.get(r.unitCode as string) as UnitRow;
    const users = await repo.insertUsers(
      tx,
      rows.map((r, i) => ({
        username: r.username as string,
        name: r.name as string,
        nip: r.nip,
        email: r.email,
        unitId: unitOf(r).id,
        instansiId,
        position: r.position,
        passwordHash: hashes[i],
        mustChangePassword: true,
      })),
    );
    const idOf = new Map(users.map((u) => [u.username, u.id]));
    const assignments = await repo.insertAssignments(
      tx,
      rows
        .filter((r) => r.role)
        .map((r) => ({ userId: idOf.get(r.username as string) as string, role: r.role as string, instansiId, unitId: unitOf(r).id, includeDescendants: false })),
    );
    const events: AuditInput[] = users.map((u) => ({
      action: 'user.created',
      payload: { username: u.username, unitId: u.unitId },
      entityId: u.id,
      instansiId,
      unitId: u.unitId,
    }));
    for (const a of assignments) {
      events.push({
        action: 'role.assigned',
        payload: { userId: a.userId, role: a.role, unitId: a.unitId, instansiId, includeDescendants: false, area: null },
        entityType: 'user',
        entityId: a.userId,
        instansiId,
        unitId: a.unitId,
      });
    }
    events.push({ action: 'user.imported', payload: { count: users.length, file: upload.sha256 }, entityType: 'user', instansiId });
    await recordAudit(tx, ctx.audit, events);
    return {
      created: users.length,
      sha256: upload.sha256,
      users: rows.map((r, i) => ({ username: r.username as string, name: r.name as string, temporaryPassword: passwords[i] })),
    };
  });
}
