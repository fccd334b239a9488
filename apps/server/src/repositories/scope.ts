/**
 * What a caller may see for one action: the whole nation, a set of instansi, and/or a set of
 * units. Every tenant-owned read in a repository takes one.
 */
export interface AccessScope {
  national: boolean;
  instansiIds: string[];
  unitIds: string[];
}

export const EMPTY_SCOPE: AccessScope = { national: false, instansiIds: [], unitIds: [] };

export function isEmptyScope(s: AccessScope): boolean {
  return !s.national && s.instansiIds.length === 0 && s.unitIds.length === 0;
}
