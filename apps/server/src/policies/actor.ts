/** The signed-in person as the policies see it: identity plus expanded role assignments. */
import type { LkeArea, Role } from '@zona/shared';

export interface ActorAssignment {
  id: string;
  role: Role;
  /** null for national roles. */
  instansiId: string | null;
  /** null for national and agency-wide roles. */
  unitId: string | null;
  includeDescendants: boolean;
  area: LkeArea | null;
  /** The unit ids this assignment covers (the unit and, when included, its descendants). */
  unitIds: ReadonlySet<string>;
}

export interface Actor {
  userId: string;
  username: string;
  name: string;
  assignments: readonly ActorAssignment[];
}

/** What a policy is asked about: the tenant coordinates of the object. */
export interface ResourceRef {
  instansiId: string | null;
  unitId?: string | null;
}
