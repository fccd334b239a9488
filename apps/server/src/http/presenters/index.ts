/** Presenters: database rows → API objects, with the caller's abilities on each object. */
import type { Actor } from '../../policies/actor.ts';
import { abilities, can, canManageHolder } from '../../policies/access.ts';
import type { FactRow, InstansiRow, UnitRow } from '../../repositories/org-repository.ts';
import type { AssignmentView, UserRow } from '../../repositories/user-repository.ts';
import type { AuditRow } from '../../repositories/audit-repository.ts';

export function presentInstansi(actor: Actor | null, r: InstansiRow) {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    code: r.code,
    active: r.active,
    abilities: abilities(actor, ['instansi:update', 'instansi:update_facts', 'unit:create', 'unit:import', 'user:import'], { instansiId: r.id }),
  };
}

export function presentFact(r: FactRow) {
  return { year: r.year, bpkOpinion: r.bpkOpinion, sakipPredicate: r.sakipPredicate, indeksRb: r.indeksRb, spipLevel: r.spipLevel };
}

export function presentUnit(actor: Actor | null, r: UnitRow) {
  return {
    id: r.id,
    instansiId: r.instansiId,
    parentId: r.parentId,
    name: r.name,
    code: r.code,
    eselon: r.eselon,
    servesPublic: r.servesPublic,
    address: r.address,
    active: r.active,
    abilities: abilities(actor, ['unit:update', 'unit:move', 'unit:deactivate', 'unit:create', 'user:create'], { instansiId: r.instansiId, unitId: r.id }),
  };
}

export function presentAssignment(a: AssignmentView) {
  return {
    id: a.id,
    role: a.role,
    unitId: a.unitId,
    unitName: a.unitName,
    instansiId: a.instansiId,
    instansiName: a.instansiName,
    includeDescendants: a.includeDescendants,
    area: a.area,
  };
}

/**
 * Managing a person needs reach over every scope they hold a role in (as the service checks).
 * Every caller with an actor passes the roles, except for a just-created user, who has none yet.
 */
function userAbilities(actor: Actor | null, r: UserRow & { roles?: AssignmentView[] }) {
  const home = { instansiId: r.instansiId, unitId: r.unitId };
  const held = r.roles ?? [];
  return {
    'user:update': canManageHolder(actor, 'user:update', home, held),
    'user:reset_password': canManageHolder(actor, 'user:reset_password', home, held),
    'user:assign_role': can(actor, 'user:assign_role', home),
  };
}

/** A user as others see it: never the password hash or lockout counters. */
export function presentUser(actor: Actor | null, r: UserRow & { unitName?: string | null; roles?: AssignmentView[] }) {
  return {
    id: r.id,
    username: r.username,
    name: r.name,
    nip: r.nip,
    email: r.email,
    instansiId: r.instansiId,
    unitId: r.unitId,
    unitName: r.unitName ?? null,
    position: r.position,
    active: r.active,
    mustChangePassword: r.mustChangePassword,
    roles: (r.roles ?? []).map(presentAssignment),
    abilities: userAbilities(actor, r),
  };
}

export function presentAudit(r: AuditRow) {
  return {
    id: String(r.seq),
    seq: Number(r.seq),
    at: new Date(r.at).toISOString(),
    actorId: r.actorId,
    actorName: r.actorName,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    instansiId: r.instansiId,
    unitId: r.unitId,
    payload: r.payload,
    requestId: r.requestId,
  };
}

/** Standard list envelope. */
export function page<T>(items: T[], total: number, p: { page: number; pageSize: number }) {
  return { items, total, page: p.page, pageSize: p.pageSize };
}
