/** Builds the Actor of a user: role assignments with unit subtrees expanded in one query. */
import type { LkeArea, Role } from '@zona/shared';
import type { Executor } from '../../db/client.ts';
import type { Actor } from '../../policies/actor.ts';
import { subtreeIds } from '../../repositories/org-repository.ts';
import { assignmentsOf, type UserRow } from '../../repositories/user-repository.ts';

export async function loadActor(db: Executor, user: UserRow): Promise<Actor> {
  const rows = await assignmentsOf(db, [user.id]);
  const roots = rows.filter((r) => r.unitId && r.includeDescendants).map((r) => r.unitId as string);
  const trees = await subtreeIds(db, roots);
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
      unitIds: new Set(r.unitId ? (r.includeDescendants ? (trees.get(r.unitId) ?? [r.unitId]) : [r.unitId]) : []),
    })),
  };
}
