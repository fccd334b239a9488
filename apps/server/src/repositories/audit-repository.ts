/** SQL of the audit trail. Reads are scoped; the chain walk for verification is deliberately unscoped. */
import { and, desc, eq, gte, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { auditEvent } from '../db/schema/index.ts';
import type { AccessScope } from './scope.ts';

export type AuditRow = typeof auditEvent.$inferSelect;

export interface AuditFilter {
  entityType?: string;
  action?: string;
  actorId?: string;
  from?: string;
  to?: string;
  entityId?: string;
}

/** Serialises appends: one chain, one writer at a time (also across app instances on PostgreSQL). */
export async function lockChain(tx: Executor): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(7316001)`);
}

export async function lastLink(tx: Executor): Promise<{ seq: number; hash: string } | null> {
  const rows = await tx
    .select({ seq: auditEvent.seq, hash: auditEvent.hash })
    .from(auditEvent)
    .orderBy(desc(auditEvent.seq))
    .limit(1);
  return rows[0] ? { seq: Number(rows[0].seq), hash: rows[0].hash } : null;
}

export async function insertEvents(tx: Executor, rows: (typeof auditEvent.$inferInsert)[]): Promise<void> {
  if (rows.length) await tx.insert(auditEvent).values(rows);
}

function scopeCondition(scope: AccessScope): SQL | undefined {
  if (scope.national) return undefined;
  const parts: SQL[] = [];
  if (scope.instansiIds.length) parts.push(inArray(auditEvent.instansiId, scope.instansiIds));
  if (scope.unitIds.length) parts.push(inArray(auditEvent.unitId, scope.unitIds));
  return parts.length ? or(...parts) : sql`false`;
}

/** A page of events visible in the scope, newest first. */
export async function listEvents(
  db: Executor,
  scope: AccessScope,
  filter: AuditFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: AuditRow[]; total: number }> {
  const conds: (SQL | undefined)[] = [scopeCondition(scope)];
  if (filter.entityType) conds.push(eq(auditEvent.entityType, filter.entityType));
  if (filter.action) conds.push(eq(auditEvent.action, filter.action));
  if (filter.actorId) conds.push(eq(auditEvent.actorId, filter.actorId));
  if (filter.entityId) conds.push(eq(auditEvent.entityId, filter.entityId));
  if (filter.from) conds.push(gte(auditEvent.at, new Date(filter.from)));
  if (filter.to) conds.push(lte(auditEvent.at, new Date(filter.to)));
  const where = and(...conds);
  const [rows, count] = await Promise.all([
    db.select().from(auditEvent).where(where).orderBy(desc(auditEvent.seq)).limit(page.limit).offset(page.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(auditEvent).where(where),
  ]);
  return { rows, total: Number(count[0]?.n ?? 0) };
}

/**
 * Unscoped: walks the whole chain in order, in batches. Only the verification use case calls it,
 * after its policy check (`audit:verify`, national scope).
 */
export async function* walkChainUnscoped(db: Executor, batch = 2000): AsyncGenerator<AuditRow[]> {
  let after = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvent)
      .where(sql`${auditEvent.seq} > ${after}`)
      .orderBy(auditEvent.seq)
      .limit(batch);
    if (!rows.length) return;
    yield rows;
    after = Number(rows[rows.length - 1].seq);
  }
}
