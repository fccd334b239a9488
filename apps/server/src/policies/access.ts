/**
 * Pure access rules: given an actor's role assignments, may they do `action` on a resource, and
 * which rows may they see for it. No I/O; unit trees were expanded when the actor was loaded.
 */
import { type Action, type Role, roleGrants } from '@zona/shared';
import type { AccessScope } from '../repositories/scope.ts';
import type { Actor, ActorAssignment, ResourceRef } from './actor.ts';

/** Whether one assignment's scope covers the resource. */
export function covers(a: ActorAssignment, res: ResourceRef): boolean {
  if (a.instansiId === null) return true; // national
  if (res.instansiId !== a.instansiId) return false;
  if (a.unitId === null) return true; // agency-wide
  // A unit-scoped role reaches its own units; agency-level objects (no unit) are reachable
  // for reading only when the action is about the agency itself (see `can`).
  return res.unitId != null && a.unitIds.has(res.unitId);
}

/** Whether the actor may perform `action` on `res`. */
export function can(actor: Actor | null, action: Action, res: ResourceRef): boolean {
  if (!actor) return false;
  for (const a of actor.assignments) {
    if (!roleGrants(a.role, action)) continue;
    if (covers(a, res)) return true;
    // Everyone placed in a unit may see the agency that unit belongs to.
    if (action === 'instansi:read' && res.unitId == null && a.instansiId === res.instansiId) return true;
  }
  return false;
}

/** Whether the actor holds `action` anywhere (for navigation and list endpoints). */
export function holdsAnywhere(actor: Actor | null, action: Action): boolean {
  return !!actor?.assignments.some((a) => roleGrants(a.role, action));
}

/** The rows the actor may see for `action`, as a scope for repositories (bulk check in one query). */
export function scopeFor(actor: Actor | null, action: Action): AccessScope {
  const scope: AccessScope = { national: false, instansiIds: [], unitIds: [] };
  if (!actor) return scope;
  const inst = new Set<string>();
  const units = new Set<string>();
  for (const a of actor.assignments) {
    if (!roleGrants(a.role, action)) continue;
    if (a.instansiId === null) return { national: true, instansiIds: [], unitIds: [] };
    if (a.unitId === null || action === 'instansi:read') inst.add(a.instansiId);
    else for (const u of a.unitIds) units.add(u);
  }
  scope.instansiIds = [...inst];
  scope.unitIds = [...units];
  return scope;
}

/** Whether the actor may grant `role` at all: national roles only by a national administrator. */
export function canGrantRole(actor: Actor | null, role: Role, res: ResourceRef): boolean {
  if (!can(actor, 'user:assign_role', res)) return false;
  if (res.instansiId === null) {
    // National scope: only someone whose assign permission is itself national.
    return !!actor?.assignments.some((a) => a.instansiId === null && roleGrants(a.role, 'user:assign_role'));
  }
  return true;
}

/**
 * Whether the actor may `action` (update, reset password, deactivate) a person who holds
 * `held` assignments: their home unit must be in reach, and so must every scope they hold a role
 * in — an agency administrator must not reset the password of a national administrator who
 * happens to sit in one of the agency's units.
 */
export function canManageHolder(
  actor: Actor | null,
  action: Action,
  home: ResourceRef,
  held: readonly { instansiId: string | null; unitId: string | null }[],
): boolean {
  if (!can(actor, action, home)) return false;
  for (const a of held) {
    if (a.instansiId === null) {
      if (!actor?.assignments.some((x) => x.instansiId === null && roleGrants(x.role, action))) return false;
    } else if (!can(actor, action, { instansiId: a.instansiId, unitId: a.unitId })) {
      return false;
    }
  }
  return true;
}

/** Abilities sent with an object so the web app never re-derives permissions. */
export function abilities<A extends Action>(actor: Actor | null, actions: readonly A[], res: ResourceRef): Record<A, boolean> {
  const out = {} as Record<A, boolean>;
  for (const act of actions) out[act] = can(actor, act, res);
  return out;
}
