/** The shape of the loaded LKE registry as the HTTP layer uses it (implemented in registry.ts). */
export type { LkeRegistry, LkeVersion as LkeRegistryEntry } from './registry.ts';
