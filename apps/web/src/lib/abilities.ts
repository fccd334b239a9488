/**
 * Reading what the server allowed. The web app never derives permissions from roles: objects
 * carry `abilities`, and `/api/auth/me` carries `permissions` (actions held anywhere).
 */
import type { Abilities } from './api/types.ts';

function lookup(abilities: Abilities | undefined, action: string): boolean | undefined {
  if (!abilities) return undefined;
  if (action in abilities) return abilities[action] === true;
  const verb = action.includes(':') ? action.slice(action.indexOf(':') + 1) : action;
  if (verb in abilities) return abilities[verb] === true;
  return undefined;
}

/**
 * Whether an object's abilities allow an action. Accepts both key styles a presenter may use:
 * the full action (`unit:update`) or the bare verb (`update`). When the object says nothing
 * about the action, the person's permissions (if given) decide; the server checks again anyway.
 */
export function can(
  obj: { abilities?: Abilities } | null | undefined,
  action: string,
  fallbackPermissions?: readonly string[],
): boolean {
  const answer = lookup(obj?.abilities, action);
  if (answer !== undefined) return answer;
  return fallbackPermissions ? fallbackPermissions.includes(action) : false;
}

/** Whether the signed-in person holds an action anywhere. */
export function hasPermission(permissions: readonly string[] | undefined, action: string): boolean {
  return permissions?.includes(action) ?? false;
}
