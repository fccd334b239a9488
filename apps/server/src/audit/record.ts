/**
 * Writes audit events inside the caller's transaction, extending the SHA-256 hash chain:
 * hash = SHA-256(prevHash | seq | at | actor | action | entity | instansi | unit | canonical payload).
 * Because it runs in the same transaction as the change, a rolled-back change leaves no event.
 */
import { createHash } from 'node:crypto';
import type { Executor } from '../db/client.ts';
import { canonicalJson } from '../lib/canonical-json.ts';
import { insertEvents, lastLink, lockChain, type AuditRow } from '../repositories/audit-repository.ts';
import type { AuditContext, AuditInput } from './events.ts';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields of a row that the hash covers, in a fixed order. */
export function linkHash(prevHash: string, row: Omit<AuditRow, 'hash' | 'prevHash'>): string {
  const parts = [
    prevHash,
    String(row.seq),
    new Date(row.at).toISOString(),
    row.actorId ?? '',
    row.actorName ?? '',
    row.action,
    row.entityType,
    row.entityId ?? '',
    row.instansiId ?? '',
    row.unitId ?? '',
    canonicalJson(row.payload),
    row.ip ?? '',
    row.requestId ?? '',
  ];
  return createHash('sha256').update(parts.join('|')).digest('hex');
}

/** Records one or more events in `tx` (one multi-row insert). */
export async function recordAudit(tx: Executor, ctx: AuditContext, events: AuditInput | AuditInput[]): Promise<void> {
  const list = Array.isArray(events) ? events : [events];
  if (!list.length) return;
  await lockChain(tx);
  const last = await lastLink(tx);
  let prev = last?.hash ?? GENESIS_HASH;
  let seq = last?.seq ?? 0;
  const at = new Date();
  const rows: AuditRow[] = [];
  for (const e of list) {
    seq += 1;
    const base = {
      seq,
      at,
      actorId: ctx.actorId,
      actorName: ctx.actorName,
      action: e.action,
      entityType: e.entityType ?? e.action.split('.')[0],
      entityId: e.entityId ?? null,
      instansiId: e.instansiId ?? null,
      unitId: e.unitId ?? null,
      payload: e.payload as unknown,
      ip: ctx.ip,
      requestId: ctx.requestId,
    };
    const hash = linkHash(prev, base);
    rows.push({ ...base, prevHash: prev, hash });
    prev = hash;
  }
  await insertEvents(tx, rows);
}
