/**
 * Shapes of the server's JSON as the web app reads them. Ids are opaque: they are compared as
 * strings (`sameId`) and sent back exactly as received.
 */
import type { Role } from '@zona/shared';

export type Id = string | number;
export type Abilities = Record<string, boolean>;

/** Every list endpoint answers `{items, total, page, pageSize}`. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface UserProfile {
  id: Id;
  username: string;
  name: string;
  nip: string | null;
  email: string | null;
  unitId: Id | null;
  unitName?: string | null;
  position: string | null;
  /** Set after an admin reset or a generated first password: the person must choose their own. */
  mustChangePassword?: boolean;
}

export interface RoleAssignment {
  id: Id;
  role: Role;
  unitId: Id | null;
  unitName: string | null;
  instansiId: Id | null;
  instansiName: string | null;
  includeDescendants: boolean;
  area: string | null;
}

export interface Me {
  user: UserProfile;
  roles: RoleAssignment[];
  /** Actions the user holds anywhere, e.g. `unit:create`. */
  permissions: string[];
  csrfToken: string;
}

export interface LoginResponse {
  user: UserProfile;
  csrfToken: string;
}

export const INSTANSI_KINDS = ['kementerian', 'lembaga', 'provinsi', 'kabupaten', 'kota'] as const;
export type InstansiKind = (typeof INSTANSI_KINDS)[number];

export interface Instansi {
  id: Id;
  name: string;
  kind: InstansiKind;
  code: string;
  active: boolean;
  abilities?: Abilities;
}

export const BPK_OPINIONS = ['WTP', 'WDP', 'TW', 'TMP'] as const;
export const GRADES = ['AA', 'A', 'BB', 'B', 'CC', 'C', 'D'] as const;
export const SPIP_LEVELS = [0, 1, 2, 3, 4, 5] as const;

export interface AgencyFacts {
  year: number;
  bpkOpinion: (typeof BPK_OPINIONS)[number] | null;
  sakipPredicate: (typeof GRADES)[number] | null;
  indeksRb: (typeof GRADES)[number] | null;
  spipLevel: number | null;
}

export const ESELONS = ['I', 'II', 'III', 'IV', 'V'] as const;
export type Eselon = (typeof ESELONS)[number];

export interface Unit {
  id: Id;
  instansiId: Id;
  parentId: Id | null;
  name: string;
  code: string;
  eselon: Eselon | null;
  servesPublic: boolean;
  address?: string | null;
  active: boolean;
  abilities?: Abilities;
}

export interface UserRow extends UserProfile {
  unitName: string | null;
  active: boolean;
  roles: RoleAssignment[];
  abilities?: Abilities;
}

export interface RoleInfo {
  role: Role;
  label: { id: string; en: string };
  scopes: string[];
  permissions: string[];
}

export interface AuditEvent {
  id: Id;
  seq: number;
  at: string;
  actorId: Id | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: Id | null;
  instansiId: Id | null;
  payload: unknown;
}

export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  firstBrokenSeq: number | null;
  message: string;
}

export interface LkeSummary {
  instrument: string;
  version: number;
  status: string;
  checksum: string;
  title: { id: string; en: string };
  bestEffort: boolean;
  itemCount: number;
}

/** `String(a) === String(b)` for opaque ids (numbers or strings). */
export function sameId(a: Id | null | undefined, b: Id | null | undefined): boolean {
  return a != null && b != null && String(a) === String(b);
}
