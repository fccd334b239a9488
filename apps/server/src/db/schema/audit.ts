/** Append-only audit trail with a SHA-256 hash chain (each row links to the previous one). */
import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const auditEvent = pgTable(
  'audit_event',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    instansiId: uuid('instansi_id'),
    unitId: uuid('unit_id'),
    payload: jsonb('payload').notNull(),
    ip: text('ip'),
    requestId: text('request_id'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_event_instansi_idx').on(t.instansiId, t.seq),
    index('audit_event_entity_idx').on(t.entityType, t.entityId),
    // Unit-scoped readers (unit heads, TPI of one unit) browse newest-first by unit.
    index('audit_event_unit_idx').on(t.unitId, t.seq),
  ],
);
