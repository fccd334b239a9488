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

/**
 * The sign-in facts of a user, with the row locked until the transaction ends, so a password
 * reset or deactivation running at the same time waits and then ends the new session too.
 */
export async function lockCredentialsUnscoped(
  db: Executor,
  id: string,
): Promise<{ passwordHash: string; active: boolean; lockedUntil: Date | null } | null> {
  const rows = await db
    .select({ passwordHash: appUser.passwordHash, active: appUser.active, lockedUntil: appUser.lockedUntil })
    .from(appUser)
    .where(eq(appUser.id, id))
    .for('update');
  return rows[0] ?? null;
}

export async function findUser(db: Executor, scope: AccessScope, id: string): Promise<UserRow | null> {
  const rows = await db.select().from(appUser).where(and(eq(appUser.id, id), userScope(scope))).limit(1);
  return rows[0] ?? null;
}

/** One page of users in the scope with their total and role assignments, in one statement. */
export async function listUsers(
  db: Executor,
  scope: AccessScope,
  opts: { q?: string; unitId?: string; instansiId?: string; limit: number; offset: number },
): Promise<{ rows: (UserRow & { unitName: string | null; roles: AssignmentView[] })[]; total: number }> {
  const where = and(
    userScope(scope),
    opts.unitId ? eq(appUser.unitId, opts.unitId) : undefined,
    opts.instansiId ? eq(appUser.instansiId, opts.instansiId) : undefined,
    opts.q
      ? or(ilike(appUser.name, like(opts.q)), ilike(appUser.username, like(opts.q)), ilike(appUser.nip, like(opts.q)))
      : undefined,
  );
  const roles = sql<AssignmentView[]>`(
    select coalesce(json_agg(json_build_object(
      'id', ra.id, 'userId', ra.user_id, 'role', ra.role, 'unitId', ra.unit_id, 'instansiId', ra.instansi_id,
      'includeDescendants', ra.include_descendants, 'area', ra.area, 'createdAt', ra.created_at,
      'unitName', ru.name, 'instansiName', ri.name) order by ra.created_at), '[]'::json)
    from role_assignment ra left join unit ru on ru.id = ra.unit_id left join instansi ri on ri.id = ra.instansi_id
    where ra.user_id = ${appUser.id})`;
  const rows = await db
    .select({ u: appUser, unitName: unit.name, roles, total: sql<number>`(count(*) over())::int` })
    .from(appUser)
    .leftJoin(unit, eq(unit.id, appUser.unitId))
    .where(where)
    .orderBy(asc(appUser.name), asc(appUser.id))
    .limit(opts.limit)
    .offset(opts.offset);
  let total = rows[0] ? Number(rows[0].total) : 0;
  if (!rows.length && opts.offset > 0) {
    // Past the last page the window count is unavailable; count separately (rare).
    const c = await db.select({ n: sql<number>`count(*)::int` }).from(appUser).where(where);
    total = Number(c[0]?.n ?? 0);
  }
  return { rows: rows.map((r) => ({ ...r.u, unitName: r.unitName, roles: (typeof r.roles === 'string' ? JSON.parse(r.roles) : r.roles) as AssignmentView[] })), total };
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
  // Sequential on purpose: inside a transaction both queries share one connection.
  const u = usernames.length ? await db.select({ v: appUser.username }).from(appUser).where(inArray(appUser.username, usernames)) : [];
  const n = nips.length ? await db.select({ v: appUser.nip }).from(appUser).where(inArray(appUser.nip, nips)) : [];
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

/**
 * A user's role assignments with the unit ids each covers (the unit and, when included, all its
 * descendants) — one recursive statement, run on every authenticated request.
 */
export async function assignmentsWithUnitsOf(db: Executor, userId: string): Promise<(AssignmentRow & { coveredUnitIds: string[] })[]> {
  const res = await db.execute<Record<string, unknown>>(sql`
    with recursive a as (select * from role_assignment where user_id = ${userId}),
    t(aid, id) as (
      select a.id, a.unit_id from a where a.unit_id is not null
      union all
      select t.aid, c.id from unit c join t on c.parent_id = t.id join a on a.id = t.aid and a.include_descendants
    )
    select a.id, a.user_id, a.role, a.instansi_id, a.unit_id, a.include_descendants, a.area, a.created_at,
      coalesce((select array_agg(t.id::text) from t where t.aid = a.id), '{}') as unit_ids
    from a order by a.created_at`);
  const rows = (res as unknown as { rows: Record<string, unknown>[] }).rows;
  return rows.map((r) => ({
    id: r.id as string,
    userId: r.user_id as string,
    role: r.role as string,
    instansiId: (r.instansi_id as string | null) ?? null,
    unitId: (r.unit_id as string | null) ?? null,
    includeDescendants: r.include_descendants as boolean,
    area: (r.area as string | null) ?? null,
    createdAt: new Date(r.created_at as string),
    coveredUnitIds: r.unit_ids as string[],
  }));
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

/** Unscoped by design: whether the database has any user at all (the demo seed runs only on an empty one). */
export async function countUsersUnscoped(db: Executor): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(appUser);
  return Number(row?.n ?? 0);
}
