/**
 * The typed audit vocabulary: every event the system records, with its payload shape.
 * Names follow `entity.past_tense_verb` (architecture §7).
 */
export interface AuditEventMap {
  /** A person signed in. */
  'session.created': { username: string };
  /** A person signed out. */
  'session.destroyed': { username: string };
  /** A sign-in attempt failed (wrong password, unknown user, locked account). */
  'login.failed': { username: string; reason: 'unknown_user' | 'wrong_password' | 'locked' | 'inactive' };
  /** An account was locked after repeated failures. */
  'user.locked': { username: string; until: string };
  'instansi.created': { name: string; kind: string; code: string };
  'instansi.updated': { changes: Record<string, unknown> };
  /** Yearly agency facts (BPK opinion, SAKIP, Indeks RB, SPIP) were set. */
  'instansi_fact.updated': { year: number; facts: Record<string, unknown> };
  'unit.created': { name: string; code: string; parentId: string | null };
  'unit.updated': { changes: Record<string, unknown> };
  'unit.moved': { fromParentId: string | null; toParentId: string | null };
  'unit.deactivated': { name: string };
  /** A batch of units was imported from a workbook. */
  'unit.imported': { count: number; file: string };
  'user.created': { username: string; unitId: string | null };
  'user.updated': { changes: Record<string, unknown> };
  'user.password_changed': { self: boolean };
  'user.password_reset': { username: string };
  'user.imported': { count: number; file: string };
  'role.assigned': { userId: string; role: string; unitId: string | null; instansiId: string | null; includeDescendants: boolean; area: string | null };
  'role.revoked': { userId: string; role: string; assignmentId: string };
  /** The demo data was created at first start. */
  'system.seeded': { instansi: number; units: number; users: number };
}

export type AuditAction = keyof AuditEventMap;

/** One event to record. `entityType` is the part of the action before the dot unless given. */
export type AuditInput = {
  [A in AuditAction]: {
    action: A;
    payload: AuditEventMap[A];
    entityType?: string;
    entityId?: string | null;
    instansiId?: string | null;
    unitId?: string | null;
  };
}[AuditAction];

/** Who did it and from where; taken from the request context. */
export interface AuditContext {
  actorId: string | null;
  actorName: string | null;
  ip: string | null;
  requestId: string | null;
}

export const SYSTEM_CONTEXT: AuditContext = { actorId: null, actorName: 'sistem', ip: null, requestId: null };
