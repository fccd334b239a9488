/**
 * Unit tree import from an xlsx template: every row is checked (cells, duplicates in the file and
 * in the database, parent codes, cycles) before anything is written; then all units go in one
 * transaction, parents before children, with their audit events.
 */
import { z } from 'zod';
import { CreateUnitSchema, ESELON_LEVELS, text } from '@zona/shared';
import { recordAudit } from '../../audit/record.ts';
import type { AuditInput } from '../../audit/events.ts';
import type { Executor } from '../../db/client.ts';
import { scopeFor } from '../../policies/access.ts';
import * as repo from '../../repositories/org-repository.ts';
import type { ServiceContext } from '../context.ts';
import { loadImportTarget } from '../imports/access.ts';
import { attachment, buildTemplate, commonInstructions } from '../imports/template.ts';
import type { StoredUpload } from '../imports/upload.ts';
import { type Columns, duplicatesInFile, importFailed, openWorkbook, readSheet, type RowError, type RowOf } from '../imports/workbook.ts';

export const UNIT_SHEET = 'Unit';
export const UNIT_REFERENCE_SHEET = 'Unit Instansi';

/** "Ya"/"Tidak" in any case (a TRUE/FALSE cell arrives as Ya/Tidak too). */
export const yesNoSchema = z.string().transform((v, ctx) => {
  const l = v.toLowerCase();
  if (l === 'ya' || l === 'tidak') return l === 'ya';
  ctx.addIssue({ code: 'custom', message: 'Isi "Ya" atau "Tidak"' });
  return z.NEVER;
});

const eselonSchema = z
  .string()
  .transform((v) => v.toUpperCase())
  .pipe(z.enum(ESELON_LEVELS, { message: 'Eselon harus I, II, III, IV atau V' }));

export const UNIT_COLUMNS = {
  code: {
    header: 'Kode',
    required: true,
    schema: CreateUnitSchema.shape.code,
    note: 'Kode unik unit di instansi ini: huruf, angka, titik, garis bawah atau tanda hubung; paling banyak 40 karakter.',
    width: 18,
    isText: true,
  },
  name: { header: 'Nama', required: true, schema: CreateUnitSchema.shape.name, note: 'Nama unit kerja, 2–200 karakter.', width: 44 },
  parentCode: {
    header: 'Kode Induk',
    required: false,
    schema: CreateUnitSchema.shape.code,
    note: `Kode unit induk: unit yang sudah ada (lihat lembar "${UNIT_REFERENCE_SHEET}") atau unit lain di berkas ini, di baris mana pun. Kosongkan untuk unit tingkat teratas.`,
    width: 18,
    isText: true,
  },
  eselon: {
    header: 'Eselon',
    required: false,
    schema: eselonSchema,
    note: 'I, II, III, IV atau V (pilih dari daftar); kosongkan untuk unit non-struktural.',
    width: 10,
    choices: ESELON_LEVELS,
  },
  servesPublic: {
    header: 'Melayani Publik',
    required: false,
    schema: yesNoSchema,
    note: '"Ya" bila unit memberi layanan langsung kepada masyarakat; kosong berarti "Tidak".',
    width: 17,
    choices: ['Ya', 'Tidak'],
  },
  address: {
    header: 'Alamat',
    required: false,
    schema: text().max(500, 'Alamat paling banyak 500 karakter'),
    note: 'Alamat kantor, paling banyak 500 karakter.',
    width: 50,
  },
} satisfies Columns;

type UnitImportRow = RowOf<typeof UNIT_COLUMNS>;

/** The unit template of an instansi, listing its existing units so parents can be referenced. */
export async function unitImportTemplate(ctx: ServiceContext, instansiId: string) {
  const inst = await loadImportTarget(ctx, ctx.db, instansiId, 'unit:import');
  const units = await repo.unitsOfInstansi(ctx.db, scopeFor(ctx.actor, 'unit:read'), instansiId);
  const codeOf = new Map(units.map((u) => [u.id, u.code]));
  const body = await buildTemplate({
    sheet: UNIT_SHEET,
    columns: UNIT_COLUMNS,
    title: `Petunjuk impor unit kerja — ${inst.name}`,
    instructions: [
      ...commonInstructions(UNIT_SHEET, ctx.config.UPLOAD_LIMIT_BYTES),
      `Unit yang sudah ada di instansi ini tercantum di lembar "${UNIT_REFERENCE_SHEET}"; kodenya dapat dipakai sebagai Kode Induk tetapi tidak boleh dipakai lagi sebagai Kode.`,
    ],
    references: [
      {
        name: UNIT_REFERENCE_SHEET,
        headers: ['Kode', 'Nama', 'Kode Induk', 'Eselon', 'Aktif'],
        widths: [18, 44, 18, 10, 8],
        rows: units.map((u) => [u.code, u.name, u.parentId ? (codeOf.get(u.parentId) ?? null) : null, u.eselon, u.active ? 'Ya' : 'Tidak']),
      },
    ],
  });
  return { body, disposition: attachment(`templat-unit-${inst.code}.xlsx`) };
}

/**
 * Orders the file's units into levels: a unit can be inserted once its parent exists (in the
 * database or in an earlier level). Rows left over sit on a cycle or below a broken parent.
 */
function planLevels(rows: UnitImportRow[], existing: Map<string, unknown>): { levels: UnitImportRow[][]; rest: UnitImportRow[] } {
  const placed = new Set<string>();
  const levels: UnitImportRow[][] = [];
  let rest = rows.filter((r) => r.code !== null);
  for (;;) {
    const level = rest.filter((r) => !r.parentCode || existing.has(r.parentCode) || placed.has(r.parentCode));
    if (!level.length) return { levels, rest };
    for (const r of level) placed.add(r.code as string);
    levels.push(level);
    rest = rest.filter((r) => !placed.has(r.code as string));
  }
}

/** The cycle a row sits on (A → B → A), or null when its chain ends elsewhere. */
function cycleOf(row: UnitImportRow, byCode: Map<string, UnitImportRow>): string[] | null {
  const path = [row.code as string];
  let cur = row.parentCode ? byCode.get(row.parentCode) : undefined;
  while (cur && path.length <= byCode.size) {
    path.push(cur.code as string);
    if (cur.code === row.code) return path;
    cur = cur.parentCode ? byCode.get(cur.parentCode) : undefined;
  }
  return null;
}

/** Checks that need the database, plus the tree shape; returns the units already there by code. */
async function checkAgainstDb(tx: Executor, instansiId: string, rows: UnitImportRow[]) {
  const errors: RowError[] = [];
  const err = (row: number, column: string, message: string) => errors.push({ sheet: UNIT_SHEET, row, column, message });
  const byCode = new Map(rows.filter((r) => r.code !== null).map((r) => [r.code as string, r]));
  const taken = await repo.takenUnitCodes(tx, instansiId, [...byCode.keys()]);
  const outside = [...new Set(rows.map((r) => r.parentCode).filter((c): c is string => !!c && !byCode.has(c)))];
  const existing = await repo.unitsByCode(tx, instansiId, outside);
  for (const r of rows) {
    if (r.code && taken.has(r.code)) err(r.row, 'Kode', `Kode "${r.code}" sudah dipakai unit lain di instansi ini`);
    if (!r.parentCode) continue;
    if (r.parentCode === r.code) err(r.row, 'Kode Induk', 'Unit tidak boleh menjadi induk dirinya sendiri');
    else if (!byCode.has(r.parentCode) && !existing.has(r.parentCode)) {
      err(r.row, 'Kode Induk', `Kode Induk "${r.parentCode}" tidak ditemukan di instansi ini maupun di berkas`);
    }
  }
  const plan = planLevels(rows, existing);
  for (const r of plan.rest) {
    const cycle = r.parentCode !== r.code ? cycleOf(r, byCode) : null;
    if (cycle) err(r.row, 'Kode Induk', `Kode Induk membentuk lingkaran: ${cycle.join(' → ')}`);
  }
  return { errors, existing, levels: plan.levels };
}

/** Imports the units of an uploaded workbook into an instansi; all or nothing. */
export async function importUnits(ctx: ServiceContext, instansiId: string, upload: StoredUpload) {
  // Reading the file happens before the transaction: parsing is slow, a transaction is a lock.
  const wb = await openWorkbook(upload);
  const { rows, errors } = readSheet(wb, UNIT_SHEET, UNIT_COLUMNS);
  errors.push(...duplicatesInFile(rows, (r) => r.code, UNIT_SHEET, 'Kode', 'Kode'));
  return ctx.db.transaction(async (tx) => {
    await loadImportTarget(ctx, tx, instansiId, 'unit:import');
    const checked = await checkAgainstDb(tx, instansiId, rows);
    errors.push(...checked.errors);
    if (errors.length) throw importFailed(errors);

    const ids = new Map([...checked.existing].map(([code, u]) => [code, u.id]));
    const created: repo.UnitRow[] = [];
    for (const level of checked.levels) {
      const inserted = await repo.insertUnits(
        tx,
        level.map((r) => ({
          instansiId,
          parentId: r.parentCode ? (ids.get(r.parentCode) ?? null) : null,
          name: r.name as string,
          code: r.code as string,
          eselon: r.eselon,
          servesPublic: r.servesPublic ?? false,
          address: r.address,
        })),
      );
      for (const u of inserted) ids.set(u.code, u.id);
      created.push(...inserted);
    }
    const events: AuditInput[] = created.map((u) => ({
      action: 'unit.created',
      payload: { name: u.name, code: u.code, parentId: u.parentId },
      entityId: u.id,
      instansiId,
      unitId: u.id,
    }));
    events.push({ action: 'unit.imported', payload: { count: created.length, file: upload.sha256 }, entityType: 'unit', instansiId });
    await recordAudit(tx, ctx.audit, events);
    return { created: created.length, sha256: upload.sha256 };
  });
}
