/** SQL for instansi, their yearly facts and the unit tree. Reads of tenant data take an AccessScope. */
import { and, asc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { instansi, instansiFact, unit } from '../db/schema/index.ts';
import type { AccessScope } from './scope.ts';

export type InstansiRow = typeof instansi.$inferSelect;
export type UnitRow = typeof unit.$inferSelect;
export type FactRow = typeof instansiFact.$inferSelect;

function instansiScope(scope: AccessScope): SQL | undefined {
  if (scope.national) return undefined;
  const ids = new Set(scope.instansiIds);
  // Unit-scoped callers see the instansi of their units through instansiIds already.
  return ids.size ? inArray(instansi.id, [...ids]) : sql`false`;
}

function unitScope(scope: AccessScope): SQL | undefined {
  if (scope.national) return undefined;
  const parts: SQL[] = [];
  if (scope.instansiIds.length) parts.push(inArray(unit.instansiId, scope.instansiIds));
  if (scope.unitIds.length) parts.push(inArray(unit.id, scope.unitIds));
  return parts.length ? or(...parts) : sql`false`;
}

const like = (q: string) => `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

export async function listInstansi(
  db: Executor,
  scope: AccessScope,
  opts: { q?: string; limit: number; offset: number },
): Promise<{ rows: InstansiRow[]; total: number }> {
  const where = and(instansiScope(scope), opts.q ? or(ilike(instansi.name, like(opts.q)), ilike(instansi.code, like(opts.q))) : undefined);
  const [rows, count] = await Promise.all([
    db.select().from(instansi).where(where).orderBy(asc(instansi.name)).limit(opts.limit).offset(opts.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(instansi).where(where),
  ]);
  return { rows, total: Number(count[0]?.n ?? 0) };
}

export async function findInstansi(db: Executor, scope: AccessScope, id: string): Promise<InstansiRow | null> {
  const rows = await db.select().from(instansi).where(and(eq(instansi.id, id), instansiScope(scope))).limit(1);
  return rows[0] ?? null;
}

export async function insertInstansi(db: Executor, values: typeof instansi.$inferInsert): Promise<InstansiRow> {
  const [row] = await db.insert(instansi).values(values).returning();
  return row;
}

export async function updateInstansi(db: Executor, id: string, values: Partial<typeof instansi.$inferInsert>): Promise<InstansiRow> {
  const [row] = await db.update(instansi).set({ ...values, updatedAt: new Date() }).where(eq(instansi.id, id)).returning();
  return row;
}

export async function instansiCodeTaken(db: Executor, code: string, exceptId?: string): Promise<boolean> {
  const rows = await db.select({ id: instansi.id }).from(instansi).where(eq(instansi.code, code)).limit(1);
  return !!rows[0] && rows[0].id !== exceptId;
}

export async function listFacts(db: Executor, instansiId: string): Promise<FactRow[]> {
  return db.select().from(instansiFact).where(eq(instansiFact.instansiId, instansiId)).orderBy(asc(instansiFact.year));
}

export async function upsertFact(db: Executor, values: typeof instansiFact.$inferInsert): Promise<FactRow> {
  const [row] = await db
    .insert(instansiFact)
    .values(values)
    .onConflictDoUpdate({
      target: [instansiFact.instansiId, instansiFact.year],
      set: {
        bpkOpinion: values.bpkOpinion,
        sakipPredicate: values.sakipPredicate,
        indeksRb: values.indeksRb,
        spipLevel: values.spipLevel,
        updatedAt: new Date(),
      },
    })
    .returning();
  return row;
}

export async function listUnits(
  db: Executor,
  scope: AccessScope,
  opts: { instansiId?: string; q?: string; limit: number; offset: number },
): Promise<{ rows: UnitRow[]; total: number }> {
  const where = and(
    unitScope(scope),
    opts.instansiId ? eq(unit.instansiId, opts.instansiId) : undefined,
    opts.q ? or(ilike(unit.name, like(opts.q)), ilike(unit.code, like(opts.q))) : undefined,
  );
  const [rows, count] = await Promise.all([
    db.select().from(unit).where(where).orderBy(asc(unit.name)).limit(opts.limit).offset(opts.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(unit).where(where),
  ]);
  return { rows, total: Number(count[0]?.n ?? 0) };
}

/** All units of one instansi visible in the scope (for the tree screen). */
export async function unitsOfInstansi(db: Executor, scope: AccessScope, instansiId: string): Promise<UnitRow[]> {
  return db
    .select()
    .from(unit)
    .where(and(eq(unit.instansiId, instansiId), unitScope(scope)))
    .orderBy(asc(unit.code));
}

export async function findUnit(db: Executor, scope: AccessScope, id: string): Promise<UnitRow | null> {
  const rows = await db.select().from(unit).where(and(eq(unit.id, id), unitScope(scope))).limit(1);
  return rows[0] ?? null;
}

export async function insertUnits(db: Executor, values: (typeof unit.$inferInsert)[]): Promise<UnitRow[]> {
  if (!values.length) return [];
  return db.insert(unit).values(values).returning();
}

export async function updateUnit(db: Executor, id: string, values: Partial<typeof unit.$inferInsert>): Promise<UnitRow> {
  const [row] = await db.update(unit).set({ ...values, updatedAt: new Date() }).where(eq(unit.id, id)).returning();
  return row;
}

/** Codes already used in an instansi, among the given ones (one query for a whole import). */
export async function takenUnitCodes(db: Executor, instansiId: string, codes: string[]): Promise<Set<string>> {
  if (!codes.length) return new Set();
  const rows = await db
    .select({ code: unit.code })
    .from(unit)
    .where(and(eq(unit.instansiId, instansiId), inArray(unit.code, codes)));
  return new Set(rows.map((r) => r.code));
}

/** Units of an instansi by code (to resolve parent codes in imports). */
export async function unitsByCode(db: Executor, instansiId: string, codes: string[]): Promise<Map<string, UnitRow>> {
  if (!codes.length) return new Map();
  const rows = await db.select().from(unit).where(and(eq(unit.instansiId, instansiId), inArray(unit.code, codes)));
  return new Map(rows.map((r) => [r.code, r]));
}

/** The ids of a unit and all its descendants (recursive CTE, one statement). */
export async function subtreeIds(db: Executor, rootIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!rootIds.length) return out;
  const res = await db.execute<{ root: string; id: string }>(sql`
    with recursive t(root, id) as (
      select u.id, u.id from unit u where u.id in (${sql.join(rootIds.map((id) => sql`${id}::uuid`), sql`, `)})
      union all
      select t.root, c.id from unit c join t on c.parent_id = t.id
    )
    select root::text as root, id::text as id from t`);
  const rows = (res as unknown as { rows: { root: string; id: string }[] }).rows ?? (res as unknown as { root: string; id: string }[]);
  for (const r of rows) {
    const list = out.get(r.root) ?? [];
    list.push(r.id);
    out.set(r.root, list);
  }
  return out;
}

/**
 * Unscoped by design: the name of a user's own unit, shown with a user the caller may already
 * read (the user row was loaded through a scoped query first).
 */
export async function unitNameUnscoped(db: Executor, id: string): Promise<string | null> {
  const rows = await db.select({ name: unit.name }).from(unit).where(eq(unit.id, id)).limit(1);
  return rows[0]?.name ?? null;
}
