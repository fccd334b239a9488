/**
 * Sign-in, sign-out and session lookup. The cookie carries a random token; the database keeps
 * only its SHA-256, so a leaked database cannot be replayed as sessions.
 */
import { createHash, randomBytes } from 'node:crypto';
import { recordAudit } from '../../audit/record.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import type { Actor } from '../../policies/actor.ts';
import {
  deleteExpiredSessions,
  deleteSession,
  findLiveSessionWithUserUnscoped,
  insertSession,
  touchSession,
} from '../../repositories/session-repository.ts';
import {
  bumpFailures,
  findByUsernameUnscoped,
  lockCredentialsUnscoped,
  updateUser,
  type UserRow,
} from '../../repositories/user-repository.ts';
import type { ServiceContext } from '../context.ts';
import { loadActor } from './load-actor.ts';
import { hashPassword, verifyPassword } from './password.ts';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

// An argon2id hash verified for unknown usernames, so that they cost as much time as a wrong
// password and response timing does not reveal which usernames exist.
let dummyHash: Promise<string> | null = null;
const getDummyHash = () => {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return dummyHash;
};

export interface LoginResult {
  token: string;
  csrfToken: string;
  user: UserRow;
}

/** Verifies credentials, applies the lockout rule, and opens a session. */
export async function login(
  ctx: ServiceContext,
  input: { username: string; password: string; ip: string | null; userAgent: string | null; replacesSessionId?: string | null },
): Promise<LoginResult> {
  const { db, config } = ctx;
  const username = input.username.trim().toLowerCase();
  const user = await findByUsernameUnscoped(db, username);
  const now = new Date();
  const fail = async (reason: 'unknown_user' | 'wrong_password' | 'locked' | 'inactive', lockedUntil?: Date) => {
    await db.transaction(async (tx) => {
      const events = [{ action: 'login.failed' as const, payload: { username, reason }, entityType: 'user', entityId: user?.id ?? null, instansiId: user?.instansiId ?? null, unitId: user?.unitId ?? null }];
      if (lockedUntil && user) {
        await updateUser(tx, user.id, { lockedUntil, failedLogins: 0 }); // a fresh count after the lock
        events.push({ action: 'user.locked' as never, payload: { username, until: lockedUntil.toISOString() } as never, entityType: 'user', entityId: user.id, instansiId: user.instansiId, unitId: user.unitId });
      }
      await recordAudit(tx, ctx.audit, events);
    });
  };
  if (!user) {
    await verifyPassword(await getDummyHash(), input.password);
    await fail('unknown_user');
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    await fail('locked');
    throw new AppError('ACCOUNT_LOCKED', undefined, undefined, { lockedUntil: user.lockedUntil.toISOString() });
  }
  const ok = await verifyPassword(user.passwordHash, input.password);
  if (!ok || !user.active) {
    if (!user.active) {
      await fail('inactive');
      throw new AppError('INVALID_CREDENTIALS');
    }
    const failures = await bumpFailures(db, user.id);
    if (failures >= config.LOGIN_MAX_FAILURES) {
      const until = new Date(now.getTime() + config.LOGIN_LOCK_MINUTES * 60_000);
      await fail('wrong_password', until);
      throw new AppError('ACCOUNT_LOCKED', undefined, undefined, { lockedUntil: until.toISOString() });
    }
    await fail('wrong_password');
    throw new AppError('INVALID_CREDENTIALS');
  }
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db.transaction(async (tx) => {
    // The password was checked outside the transaction (argon2id is slow); if it was reset, the
    // person deactivated, or the account locked by guesses running alongside this one, the
    // sign-in no longer holds (and must not clear that lock).
    const current = await lockCredentialsUnscoped(tx, user.id);
    if (!current || !current.active || current.passwordHash !== user.passwordHash) throw new AppError('INVALID_CREDENTIALS');
    if (current.lockedUntil && current.lockedUntil > now) {
      throw new AppError('ACCOUNT_LOCKED', undefined, undefined, { lockedUntil: current.lockedUntil.toISOString() });
    }
    await updateUser(tx, user.id, { failedLogins: 0, lockedUntil: null });
    // Signing in again from the same browser replaces its session instead of leaving it alive;
    // expired sessions of everyone are swept here, which is rare enough to be free.
    if (input.replacesSessionId) await deleteSession(tx, input.replacesSessionId);
    await deleteExpiredSessions(tx, now);
    await insertSession(tx, {
      id: hashToken(token),
      userId: user.id,
      csrfToken,
      expiresAt: new Date(now.getTime() + config.SESSION_TTL_HOURS * 3_600_000),
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
    });
    await recordAudit(tx, { ...ctx.audit, actorId: user.id, actorName: user.username }, {
      action: 'session.created',
      payload: { username: user.username },
      entityType: 'user',
      entityId: user.id,
      instansiId: user.instansiId,
      unitId: user.unitId,
    });
  });
  return { token, csrfToken, user };
}

export interface SessionInfo {
  sessionId: string;
  csrfToken: string;
  user: UserRow;
  actor: Actor;
}

/** Resolves a cookie token to a live session, its user and actor; null when absent or expired. */
export async function resolveSession(db: Db, token: string, idleMinutes: number): Promise<SessionInfo | null> {
  const id = hashToken(token);
  const now = new Date();
  const found = await findLiveSessionWithUserUnscoped(db, id, now);
  if (!found) return null;
  const { session: s, user } = found;
  if (now.getTime() - s.lastSeenAt.getTime() > idleMinutes * 60_000) {
    await deleteSession(db, id);
    return null;
  }
  if (!user.active) return null;
  // Touch at most once a minute: PGlite pays per statement.
  if (now.getTime() - s.lastSeenAt.getTime() > 60_000) await touchSession(db, id, now);
  return { sessionId: id, csrfToken: s.csrfToken, user, actor: await loadActor(db, user) };
}

export async function logout(ctx: ServiceContext, sessionId: string, user: UserRow): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await deleteSession(tx, sessionId);
    await recordAudit(tx, ctx.audit, {
      action: 'session.destroyed',
      payload: { username: user.username },
      entityType: 'user',
      entityId: user.id,
      instansiId: user.instansiId,
      unitId: user.unitId,
    });
  });
}
