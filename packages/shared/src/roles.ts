/**
 * Roles and permissions of Zona as typed data (architecture §4). The server's pure policies and
 * the web app both read this table; the web app never re-derives permissions from roles, it uses
 * the `abilities` the server sends, but it shows the table on the roles screen.
 */

/** Every role a person can hold. Scope comes from the role assignment, not from the role. */
export const ROLES = [
  'system_admin',
  'agency_admin',
  'agency_head',
  'unit_head',
  'work_team',
  'change_agent',
  'employee',
  'prelim_assessor',
  'tpi_member',
  'tpi_lead',
  'tpi_controller',
  'upg_officer',
  'tpn_member',
  'tpn_lead',
  'tpn_admin',
] as const;
export type Role = (typeof ROLES)[number];

/**
 * Where a role assignment applies.
 * - `national`: everything (system administrators and the national team, TPN).
 * - `agency`: one instansi and all its units.
 * - `unit`: one unit, optionally with its descendants.
 */
export type ScopeKind = 'national' | 'agency' | 'unit';

/** The scope kinds an assignment of this role may take. */
export const ROLE_SCOPES: Record<Role, readonly ScopeKind[]> = {
  system_admin: ['national'],
  agency_admin: ['agency'],
  agency_head: ['agency'],
  unit_head: ['unit'],
  work_team: ['unit'],
  change_agent: ['unit'],
  employee: ['unit'],
  prelim_assessor: ['unit', 'agency'],
  tpi_member: ['agency', 'unit'],
  tpi_lead: ['agency', 'unit'],
  tpi_controller: ['agency', 'unit'],
  upg_officer: ['agency'],
  tpn_member: ['national'],
  tpn_lead: ['national'],
  tpn_admin: ['national'],
};

/** The six change areas; a work-team assignment may name the area (Pokja) it works on. */
export const LKE_AREAS = ['1', '2', '3', '4', '5', '6'] as const;
export type LkeArea = (typeof LKE_AREAS)[number];

/** Actions checked by policies. Format `entity:verb`. */
export const ACTIONS = [
  'instansi:read',
  'instansi:create',
  'instansi:update',
  'instansi:update_facts',
  'unit:read',
  'unit:create',
  'unit:update',
  'unit:move',
  'unit:deactivate',
  'unit:import',
  'user:read',
  'user:create',
  'user:update',
  'user:reset_password',
  'user:assign_role',
  'user:import',
  'audit:read',
  'audit:verify',
  'lke:read',
  'lke:score',
] as const;
export type Action = (typeof ACTIONS)[number];

const READ_ORG: Action[] = ['instansi:read', 'unit:read', 'user:read'];
const LKE: Action[] = ['lke:read', 'lke:score'];
const MANAGE_ORG: Action[] = [
  'instansi:update',
  'instansi:update_facts',
  'unit:create',
  'unit:update',
  'unit:move',
  'unit:deactivate',
  'unit:import',
  'user:create',
  'user:update',
  'user:reset_password',
  'user:assign_role',
  'user:import',
];

/**
 * Role → permitted actions. The scope of each permission is the scope of the assignment that
 * grants it. `satisfies` keeps the table exhaustive over roles and actions.
 */
export const PERMISSIONS = {
  system_admin: [...ACTIONS],
  agency_admin: [...READ_ORG, ...MANAGE_ORG, 'audit:read', ...LKE],
  agency_head: [...READ_ORG, 'audit:read', ...LKE],
  unit_head: [...READ_ORG, 'audit:read', ...LKE],
  work_team: [...READ_ORG, ...LKE],
  change_agent: ['instansi:read', 'unit:read', ...LKE],
  employee: ['instansi:read', 'unit:read', ...LKE],
  prelim_assessor: [...READ_ORG, ...LKE],
  tpi_member: [...READ_ORG, ...LKE],
  tpi_lead: [...READ_ORG, 'audit:read', ...LKE],
  tpi_controller: [...READ_ORG, 'audit:read', ...LKE],
  upg_officer: [...READ_ORG, ...LKE],
  tpn_member: [...READ_ORG, ...LKE],
  tpn_lead: [...READ_ORG, 'audit:read', ...LKE],
  tpn_admin: [...READ_ORG, 'instansi:create', 'audit:read', 'audit:verify', ...LKE],
} as const satisfies Record<Role, readonly Action[]>;

/** Roles that only a system administrator may grant (national scope). */
export const NATIONAL_ROLES: readonly Role[] = (Object.keys(ROLE_SCOPES) as Role[]).filter((r) =>
  ROLE_SCOPES[r].includes('national'),
);

/** Indonesian and English role labels for the UI and the README. */
export const ROLE_LABELS: Record<Role, { id: string; en: string }> = {
  system_admin: { id: 'Administrator sistem', en: 'System administrator' },
  agency_admin: { id: 'Administrator instansi', en: 'Agency administrator' },
  agency_head: { id: 'Pimpinan instansi', en: 'Agency head' },
  unit_head: { id: 'Pimpinan unit kerja', en: 'Unit head' },
  work_team: { id: 'Anggota tim kerja ZI', en: 'Work-team member' },
  change_agent: { id: 'Agen perubahan', en: 'Change agent' },
  employee: { id: 'Pegawai', en: 'Employee' },
  prelim_assessor: { id: 'Penilai pendahuluan', en: 'Preliminary assessor' },
  tpi_member: { id: 'Anggota TPI', en: 'TPI member' },
  tpi_lead: { id: 'Ketua TPI', en: 'TPI lead' },
  tpi_controller: { id: 'Pengendali teknis TPI', en: 'TPI technical controller' },
  upg_officer: { id: 'Petugas UPG', en: 'UPG officer' },
  tpn_member: { id: 'Anggota TPN', en: 'TPN member' },
  tpn_lead: { id: 'Ketua TPN', en: 'TPN lead' },
  tpn_admin: { id: 'Administrator TPN', en: 'TPN administrator' },
};

/** Whether a role grants an action (scope is checked separately by the policy). */
export function roleGrants(role: Role, action: Action): boolean {
  return (PERMISSIONS[role] as readonly Action[]).includes(action);
}
