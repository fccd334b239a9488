/**
 * Reads back the numbers a spreadsheet program computed in the "Rekapitulasi" sheet (cached
 * formula results). Used to prove that Excel/LibreOffice recalculation matches the engine, and
 * to show what an assessor's own copy of a workbook says.
 */
import { cellContent } from './cell-values.ts';
import { loadZonaWorkbook } from './import-workbook.ts';
import type { WorkbookProblem } from './types.ts';

export interface WorkbookScores {
  /** Rounded scores by key: `total`, `pengungkit`, `hasil`, area codes, `1/pemenuhan`, sub-area codes. */
  scores: Record<string, number>;
  /** Predicate checks as the workbook judged them; failures are rule ids, like the engine's. */
  predicates: Record<string, { eligible: boolean; failures: string[] }>;
}

export type ReadScoresResult = ({ ok: true } & WorkbookScores) | { ok: false; problems: WorkbookProblem[] };

/** Cached values of the summary cells; a cell without a computed value is a problem. */
export async function readWorkbookScores(buffer: Buffer | Uint8Array): Promise<ReadScoresResult> {
  const loaded = await loadZonaWorkbook(buffer);
  if (!loaded.ok) return loaded;
  const problems: WorkbookProblem[] = [];
  const scores: Record<string, number> = {};
  const predicates: WorkbookScores['predicates'] = {};
  const verdicts: { predicate: string; rule: string; passed: boolean }[] = [];
  for (const entry of loaded.entries) {
    if (entry.kind !== 'score' && entry.kind !== 'rule' && entry.kind !== 'eligible') continue;
    const ws = loaded.wb.getWorksheet(entry.sheet);
    const content = ws ? cellContent(ws.getCell(entry.cell)) : { kind: 'blank' as const };
    const at = /^([A-Z]+)(\d+)$/.exec(entry.cell);
    const where = { sheet: entry.sheet, row: Number(at?.[2] ?? 0), column: at?.[1] ?? '', code: entry.code };
    if (entry.kind === 'score') {
      if (content.kind === 'number') scores[entry.code] = content.value;
      else problems.push({ ...where, message: `no computed number in ${entry.sheet}!${entry.cell} (recalculate the workbook)` });
      continue;
    }
    if (content.kind !== 'text' || (content.text !== 'Ya' && content.text !== 'Tidak')) {
      problems.push({ ...where, message: `no computed Ya/Tidak in ${entry.sheet}!${entry.cell} (recalculate the workbook)` });
      continue;
    }
    const passed = content.text === 'Ya';
    if (entry.kind === 'eligible') (predicates[entry.code] ??= { eligible: passed, failures: [] }).eligible = passed;
    else {
      const split = entry.code.indexOf(':');
      verdicts.push({ predicate: entry.code.slice(0, split), rule: entry.code.slice(split + 1), passed });
    }
  }
  for (const v of verdicts) {
    const p = (predicates[v.predicate] ??= { eligible: false, failures: [] });
    if (!v.passed) p.failures.push(v.rule);
  }
  return problems.length ? { ok: false, problems } : { ok: true, scores, predicates };
}
