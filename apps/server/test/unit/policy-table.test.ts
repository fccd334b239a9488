/**
 * Every role × action cell of the policy table, in scope and out of scope. The expected grid
 * below is the reviewed intent (one column per action in ACTIONS order); the test fails when the
 * permission data or the scope rules drift from it.
 */
import { describe, expect, it } from 'vitest';
import { ACTIONS, ROLE_SCOPES, ROLES, type Role } from '@zona/shared';
import { can, canGrantRole, scopeFor } from '../../src/policies/access.ts';
import type { Actor, ActorAssignment } from '../../src/policies/actor.ts';

// instansi:read instansi:create instansi:update instansi:update_facts unit:read unit:create unit:update
// unit:move unit:deactivate unit:import user:read user:create user:update user:reset_password
// user:assign_role user:import audit:read audit:verify lke:read lke:score
const EXPECTED: Record<Role, string> = {
  system_admin: 'YYYYYYYYYYYYYYYYYYYY',
  agency_admin: 'Y.YYYYYYYYYYYYYYY.YY',
  agency_head: 'Y...Y.....Y.....Y.YY',
  unit_head: 'Y...Y.....Y.....Y.YY',
  work_team: 'Y...Y.....Y.......YY',
  change_agent: 'Y...Y.............YY',
  employee: 'Y...Y.............YY',
  prelim_assessor: 'Y...Y.....Y.......YY',
  tpi_member: 'Y...Y.....Y.......YY',
  tpi_lead: 'Y...Y.....Y.....Y.YY',
  tpi_controller: 'Y...Y.....Y.....Y.YY',
  upg_officer: 'Y...Y.....Y.......YY',
  tpn_member: 'Y...Y.....Y.......YY',
  tpn_lead: 'Y...Y.....Y.....Y.YY',
  tpn_admin: 'YY..Y.....Y.....YYYY',
};

const INST = 'inst-a';
const UNIT = 'unit-a';
const CHILD = 'unit-a-child';
const OTHER_INST = 'inst-b';
const OTHER_UNIT = 'unit-b';

function actorWith(role: Role, includeDescendants = true): Actor {
  const kind = ROLE_SCOPES[role][0];
  const a: ActorAssignment =
    kind === 'national'
      ? { id: 'a1', role, instansiId: null, unitId: null, includeDescendants: false, area: null, unitIds: new Set() }
      : kind === 'agency'
        ? { id: 'a1', role, instansiId: INST, unitId: null, includeDescendants: false, area: null, unitIds: new Set() }
        : { id: 'a1', role, instansiId: INST, unitId: UNIT, includeDescendants, area: null, unitIds: new Set(includeDescendants ? [UNIT, CHILD] : [UNIT]) };
  return { userId: 'u1', username: 'u', name: 'U', assignments: [a] };
}

describe('policy table: role × action', () => {
  for (const role of ROLES) {
    ACTIONS.forEach((action, i) => {
      const expected = EXPECTED[role][i] === 'Y';
      const national = ROLE_SCOPES[role][0] === 'national';
      it(`${role} ${expected ? 'may' : 'may not'} ${action}`, () => {
        const actor = actorWith(role);
        // Inside the assignment's own scope.
        const inScope = action.startsWith('instansi:') ? { instansiId: INST } : { instansiId: INST, unitId: UNIT };
        expect(can(actor, action, inScope)).toBe(expected);
        // Another agency's unit: only national roles reach it.
        expect(can(actor, action, { instansiId: OTHER_INST, unitId: OTHER_UNIT })).toBe(expected && national);
        expect(can(actor, action, { instansiId: OTHER_INST })).toBe(expected && national);
      });
    });
  }
});

describe('scope rules', () => {
  it('a unit role reaches descendants only when assigned with them', () => {
    expect(can(actorWith('unit_head', true), 'user:read', { instansiId: INST, unitId: CHILD })).toBe(true);
    expect(can(actorWith('unit_head', false), 'user:read', { instansiId: INST, unitId: CHILD })).toBe(false);
  });

  it('a unit role does not reach a sibling unit of its own agency', () => {
    expect(can(actorWith('unit_head'), 'unit:read', { instansiId: INST, unitId: 'sibling' })).toBe(false);
  });

  it('an agency role reaches every unit of its agency and no other', () => {
    const a = actorWith('agency_admin');
    expect(can(a, 'unit:update', { instansiId: INST, unitId: 'any-unit' })).toBe(true);
    expect(can(a, 'unit:update', { instansiId: OTHER_INST, unitId: 'any-unit' })).toBe(false);
  });

  it('no actor may do anything', () => {
    for (const action of ACTIONS) expect(can(null, action, { instansiId: INST })).toBe(false);
  });

  it('scopeFor gives repositories the same answer as can()', () => {
    expect(scopeFor(actorWith('system_admin'), 'user:read')).toEqual({ national: true, instansiIds: [], unitIds: [] });
    expect(scopeFor(actorWith('agency_admin'), 'user:read')).toEqual({ national: false, instansiIds: [INST], unitIds: [] });
    expect(scopeFor(actorWith('unit_head', true), 'user:read')).toEqual({ national: false, instansiIds: [], unitIds: [UNIT, CHILD] });
    expect(scopeFor(actorWith('employee'), 'user:read')).toEqual({ national: false, instansiIds: [], unitIds: [] });
  });

  it('only a national administrator may grant national roles', () => {
    expect(canGrantRole(actorWith('agency_admin'), 'tpn_member', { instansiId: null })).toBe(false);
    expect(canGrantRole(actorWith('system_admin'), 'tpn_member', { instansiId: null })).toBe(true);
    expect(canGrantRole(actorWith('agency_admin'), 'employee', { instansiId: INST, unitId: UNIT })).toBe(true);
  });
});
