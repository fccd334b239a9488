/** The audit trail: filtered pages (newest first) and the hash-chain verification. */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api/client.ts';
import type { AuditEvent, AuditVerifyResult, Id, Page } from '../../lib/api/types.ts';

export interface AuditFilters {
  entityType?: string;
  action?: string;
  actorId?: Id;
  /** `YYYY-MM-DD`, inclusive. */
  from?: string;
  /** `YYYY-MM-DD`, inclusive. */
  to?: string;
}

/** `+07:00` for the browser's offset on that day (the server accepts ISO date-times with offsets). */
function offsetOf(date: string): string {
  const minutes = -new Date(`${date}T12:00:00`).getTimezoneOffset();
  const sign = minutes >= 0 ? '+' : '-';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * Day filters become explicit local instants: `from` at 00:00 and `to` at 23:59:59.999 of the
 * person's own time zone, so both ends are inclusive whatever the server does with bare dates.
 */
export function auditParams(filters: AuditFilters): Record<string, string | undefined> {
  return {
    entityType: filters.entityType,
    action: filters.action,
    actorId: filters.actorId == null ? undefined : String(filters.actorId),
    from: filters.from ? `${filters.from}T00:00:00${offsetOf(filters.from)}` : undefined,
    to: filters.to ? `${filters.to}T23:59:59.999${offsetOf(filters.to)}` : undefined,
  };
}

export const auditQuery = (filters: AuditFilters, page: number, pageSize: number) =>
  queryOptions({
    queryKey: ['audit', 'list', filters, page, pageSize],
    queryFn: ({ signal }) => api.get<Page<AuditEvent>>('/api/audit', { ...auditParams(filters), page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });

export const verifyAudit = () => api.get<AuditVerifyResult>('/api/audit/verify');

/**
 * Entity types and actions offered as suggestions (free text is accepted too). Mirrors the
 * server's audit vocabulary (apps/server/src/audit/events.ts, `entity.past_tense_verb`).
 */
export const ACTIONS = [
  'instansi.created',
  'instansi.updated',
  'instansi_fact.updated',
  'unit.created',
  'unit.updated',
  'unit.moved',
  'unit.deactivated',
  'unit.imported',
  'user.created',
  'user.updated',
  'user.imported',
  'user.locked',
  'user.password_changed',
  'user.password_reset',
  'role.assigned',
  'role.revoked',
  'session.created',
  'session.destroyed',
  'login.failed',
  'system.seeded',
  'system.restored',
];
export const ENTITY_TYPES = ['instansi', 'unit', 'user', 'system'];
