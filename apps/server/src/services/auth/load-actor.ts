/** Builds the Actor of a user: role assignments with unit subtrees expanded in one query. */
import type { LkeArea, Role } from '@zona/shared';
import type { Executor } from '../../db/client.ts';
import type { Actor } from '../../policies/actor.ts';
import { assignmentsWithUnitsOf, type UserRow } from '../../repositories/user-repository.ts';

export async function loadActor(db: Executor, user: UserRow): Promise<Actor> {
  const rows = await assignmentsWithUnitsOf(db, user.id);
  return {
    userId: user.id,
    username: user.username,
    name: user.name,
    assignments: rows.map((r) => ({
      id: r.id,
      role: r.role as Role,
      instansiId: r.instansiId,
      unitId: r.unitId,
      includeDescendants: r.includeDescendants,
      area: (r.area as LkeArea | null) ?? null,
      unitIds: new Set(r.coveredUnitIds),
    })),
  };
}
