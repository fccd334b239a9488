/** SQL for users and their role assignments. Tenant reads take an AccessScope. */
import { and, asc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { appUser, instansi, roleAssignment, unit } from '../db/schema/index.ts';
import type { AccessScope } from './scope.ts';

export type UserRow = typeof appUser.$inferSelect;
export type AssignmentRow = typeof roleAssignment.$inferSelect;
export type AssignmentView = AssignmentRow & { unitName: string | null; instansiName: string | null };

function userScope(scope: AccessScope): SQL | undefined {
  if (scope.national) return undefined;
  const parts: SQL[] = [];
  if (scope.instansiIds.length) parts.push(inArray(appUser.instansiId, scope.instansiIds));
  if (scope.unitIds.length) parts.push(inArray(appUser.unitId, scope.unitIds));
  return parts.length ? or(...parts) : sql`false`;
}

const like = (q: string) => `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

/**
 * Unscoped by design: sign-in looks a user up by username before anyone is authenticated.
 * Only the login use case calls it.
 */
export async function findByUsernameUnscoped(db: Executor, username: string): Promise<UserRow | null> {
  const rows = await db.select().from(appUser).where(eq(appUser.username, username.toLowerCase())).limit(1);
  return rows[0] ?? null;
}

/** Unscoped by design: loads the session's own user (the session proves identity). */
export async function findByIdUnscoped(db: Executor, id: string): Promise<UserRow | null> {
  const rows = await db.select().from(appUser).where(eq(appUser.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function findUser(db: Executor, scope: AccessScope, id: string): Promise<UserRow | null> {
  const rows = await db.select().from(appUser).where(and(eq(appUser.id, id), userScope(scope))).limit(1);
  return rows[0] ?? null;
}

export async function listUsers(
  db: Executor,
  scope: AccessScope,
  opts: { q?: string; unitId?: string; instansiId?: string; limit: number; offset: number },
): Promise<{ rows: (UserRow & { unitName: string | null })[]; total: number }> {
  const where = and(
    userScope(scope),
    opts.unitId ? eq(appUser.unitId, opts.unitId) : undefined,
    opts.instansiId ? eq(appUser.instansiId, opts.instansiId) : undefined,
    opts.q
      ? or(ilike(appUser.name, like(opts.q)), ilike(appUser.username, like(opts.q)), ilike(appUser.nip, like(opts.q)))
      : undefined,
  );
  const [rows, count] = await Promise.all([
    db
      .select({ u: appUser, unitName: unit.name })
      .from(appUser)
      .leftJoin(unit, eq(unit.id, appUser.unitId))
      .where(where)
      .orderBy(asc(appUser.name))
      .limit(opts.limit)
      .offset(opts.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(appUser).where(where),
  ]);
  return { rows: rows.map((r) => ({ ...r.u, unitName: r.unitName })), total: Number(count[0]?.n ?? 0) };
}

export async function insertUsers(db: Executor, values: (typeof appUser.$inferInsert)[]): Promise<UserRow[]> {
  if (!values.length) return [];
  return db.insert(appUser).values(values).returning();
}

export async function updateUser(db: Executor, id: string, values: Partial<typeof appUser.$inferInsert>): Promise<UserRow> {
  const [row] = await db.update(appUser).set({ ...values, updatedAt: new Date() }).where(eq(appUser.id, id)).returning();
  return row;
}

/** Usernames and NIPs already taken among the given ones (one query each, for whole imports). */
export async function takenIdentities(db: Executor, usernames: string[], nips: string[]): Promise<{ usernames: Set<string>; nips: Set<string> }> {
  const [u, n] = await Promise.all([
    usernames.length
      ? db.select({ v: appUser.username }).from(appUser).where(inArray(appUser.username, usernames))
      : Promise.resolve([]),
    nips.length ? db.select({ v: appUser.nip }).from(appUser).where(inArray(appUser.nip, nips)) : Promise.resolve([]),
  ]);
  return { usernames: new Set(u.map((r) => r.v as string)), nips: new Set(n.map((r) => r.v as string)) };
}

/** Role assignments of the given users, with unit and instansi names (one query). */
export async function assignmentsOf(db: Executor, userIds: string[]): Promise<AssignmentView[]> {
  if (!userIds.length) return [];
  const rows = await db
    .select({ a: roleAssignment, unitName: unit.name, instansiName: instansi.name })
    .from(roleAssignment)
    .leftJoin(unit, eq(unit.id, roleAssignment.unitId))
    .leftJoin(instansi, eq(instansi.id, roleAssignment.instansiId))
    .where(inArray(roleAssignment.userId, userIds))
    .orderBy(asc(roleAssignment.createdAt));
  return rows.map((r) => ({ ...r.a, unitName: r.unitName, instansiName: r.instansiName }));
}

export async function insertAssignments(db: Executor, values: (typeof roleAssignment.$inferInsert)[]): Promise<AssignmentRow[]> {
  if (!values.length) return [];
  return db.insert(roleAssignment).values(values).returning();
}

export async function findAssignment(db: Executor, userId: string, id: string): Promise<AssignmentRow | null> {
  const rows = await db
    .select()
    .from(roleAssignment)
    .where(and(eq(roleAssignment.id, id), eq(roleAssignment.userId, userId)))
    .limit(1);
  return rows[0] ?? null;
}

export async function deleteAssignment(db: Executor, id: string): Promise<void> {
  await db.delete(roleAssignment).where(eq(roleAssignment.id, id));
}

/** Counts a failed sign-in and returns the new count. */
export async function bumpFailures(db: Executor, id: string): Promise<number> {
  const [row] = await db
    .update(appUser)
    .set({ failedLogins: sql`${appUser.failedLogins} + 1` })
    .where(eq(appUser.id, id))
    .returning({ n: appUser.failedLogins });
  return row.n;
}
