/** LKE versions from the server, compiled in the browser by the same engine the server uses. */
// Must come first: configures zod before @zona/scoring builds its schemas.
import './zod-jitless.ts';
import { queryOptions } from '@tanstack/react-query';
import { type AnswerSet, compileLke, type CompiledLke, type LkeDocument, parseLke } from '@zona/scoring';
import { api } from '../../lib/api/client.ts';
import { downloadFile } from '../../lib/api/files.ts';
import type { LkeSummary } from '../../lib/api/types.ts';



export const lkeListQuery = queryOptions({
  queryKey: ['lke', 'list'],
  queryFn: ({ signal }) => api.get<{ items: LkeSummary[] }>('/api/lke', undefined, signal),
  staleTime: 10 * 60_000,
});

const path = (instrument: string, version: number) =>
  `/api/lke/${encodeURIComponent(instrument)}/${encodeURIComponent(String(version))}`;

/**
 * Parses (zod schema + semantic checks of @zona/scoring) and compiles a document. A document
 * the server already accepted but that carries extra presentation fields is compiled as is.
 */
function compile(raw: unknown): CompiledLke {
  let doc: LkeDocument;
  try {
    doc = parseLke(raw);
  } catch (error) {
    const candidate = raw as Partial<LkeDocument> | null;
    if (!candidate || !Array.isArray(candidate.components) || !Array.isArray(candidate.predicates)) throw error;
    doc = candidate as LkeDocument;
  }
  return compileLke(doc);
}

export const lkeDocQuery = (instrument: string, version: number) =>
  queryOptions({
    queryKey: ['lke', 'doc', instrument, version],
    queryFn: async ({ signal }) => compile(await api.get<unknown>(path(instrument, version), undefined, signal)),
    staleTime: Number.POSITIVE_INFINITY,
  });

/** POSTs the answers and saves the xlsx worksheet the server builds. */
export function downloadWorkbook(instrument: string, version: number, set: AnswerSet) {
  return downloadFile(`${path(instrument, version)}/workbook`, `lke-${instrument}-v${version}.xlsx`, {
    method: 'POST',
    body: { ...(set.holds ? { holds: set.holds } : {}), answers: set.answers },
  });
}
