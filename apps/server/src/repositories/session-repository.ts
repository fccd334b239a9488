/** SQL for server-side sessions. Sessions are looked up by the hash of their token. */
import { and, eq, gt, lt, ne } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { appUser, session } from '../db/schema/index.ts';

export type SessionRow = typeof session.$inferSelect;

export async function insertSession(db: Executor, values: typeof session.$inferInsert): Promise<void> {
  await db.insert(session).values(values);
}

/**
 * Unscoped by design: the token hash is the credential. Returns the live session and its user in
 * one statement (this runs on every authenticated request).
 */
export async function findLiveSessionWithUserUnscoped(db: Executor, id: string, now: Date) {
  const rows = await db
    .select({ session, user: appUser })
    .from(session)
    .innerJoin(appUser, eq(appUser.id, session.userId))
    .where(and(eq(session.id, id), gt(session.expiresAt, now)))
    .limit(1);
  return rows[0] ?? null;
}

/** Unscoped by design: the token hash is the credential. */
export async function findLiveSessionUnscoped(db: Executor, id: string, now: Date): Promise<SessionRow | null> {
  const rows = await db
    .select()
    .from(session)
    .where(and(eq(session.id, id), gt(session.expiresAt, now)))
    .limit(1);
  return rows[0] ?? null;
}

export async function touchSession(db: Executor, id: string, now: Date): Promise<void> {
  await db.update(session).set({ lastSeenAt: now }).where(eq(session.id, id));
}

export async function deleteSession(db: Executor, id: string): Promise<void> {
  await db.delete(session).where(eq(session.id, id));
}

/** Removes every session of a user (after an admin password reset or deactivation). */
export async function deleteSessionsOfUser(db: Executor, userId: string): Promise<void> {
  await db.delete(session).where(eq(session.userId, userId));
}

/** Removes a user's sessions except `keepId` (after they change their own password). */
export async function deleteOtherSessionsOfUser(db: Executor, userId: string, keepId: string | null): Promise<void> {
  await db.delete(session).where(keepId ? and(eq(session.userId, userId), ne(session.id, keepId)) : eq(session.userId, userId));
}

export async function deleteExpiredSessions(db: Executor, now: Date): Promise<void> {
  await db.delete(session).where(lt(session.expiresAt, now));
}
