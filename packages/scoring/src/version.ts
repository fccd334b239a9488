/**
 * Version of the scoring engine (semver). Stored with every score snapshot so a stored result
 * can always be traced to the arithmetic that produced it: bump the minor version when the
 * report gains fields, the major version when any number could come out differently.
 */
export const ENGINE_VERSION = '1.0.0';
