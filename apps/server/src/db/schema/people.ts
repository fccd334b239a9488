/** People, their role assignments and their server-side sessions. */
import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { instansi, unit } from './org.ts';

export const appUser = pgTable(
  'app_user',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    username: text('username').notNull(),
    name: text('name').notNull(),
    /** 18-digit NIP; null for accounts that are not civil servants (e.g. the system administrator). */
    nip: text('nip'),
    email: text('email'),
    instansiId: uuid('instansi_id').references(() => instansi.id),
    unitId: uuid('unit_id').references(() => unit.id),
    position: text('position'),
    /** argon2id PHC string. */
    passwordHash: text('password_hash').notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    active: boolean('active').notNull().default(true),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('app_user_username_uq').on(t.username),
    uniqueIndex('app_user_nip_uq').on(t.nip),
    index('app_user_unit_idx').on(t.unitId),
    index('app_user_instansi_idx').on(t.instansiId),
  ],
);

/**
 * A role held by a user in a scope: national (no instansi, no unit), agency (instansi only),
 * or unit (unit, optionally with its descendants).
 */
export const roleAssignment = pgTable(
  'role_assignment',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    userId: uuid('user_id').notNull().references(() => appUser.id),
    role: text('role').notNull(),
    instansiId: uuid('instansi_id').references(() => instansi.id),
    unitId: uuid('unit_id').references(() => unit.id),
    includeDescendants: boolean('include_descendants').notNull().default(false),
    /** LKE area 1–6 for a work-team member's Pokja. */
    area: text('area'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('role_assignment_user_idx').on(t.userId)],
);

/** Server-side session. `id` is the SHA-256 of the cookie token; the token itself is never stored. */
export const session = pgTable(
  'session',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id').notNull().references(() => appUser.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('session_user_idx').on(t.userId), index('session_expires_idx').on(t.expiresAt)],
);
