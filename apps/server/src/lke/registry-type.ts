/** The shape of the loaded LKE registry as the HTTP layer uses it (implemented by the loader). */
export interface LkeRegistryEntry {
  instrument: string;
  version: number;
  status: 'draft' | 'published';
  checksum: string;
  // biome-ignore lint/suspicious/noExplicitAny: the document type lives in @zona/scoring.
  document: any;
  // biome-ignore lint/suspicious/noExplicitAny: the compiled form lives in @zona/scoring.
  compiled?: any;
}

export interface LkeRegistry {
  list(): LkeRegistryEntry[];
  get(instrument: string, version?: number): LkeRegistryEntry | undefined;
}
