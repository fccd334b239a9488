/**
 * Time to export and to import one full LKE workbook (zi-2021, every item answered), median of
 * a few runs after one warm-up run (the first run pays for loading exceljs and JIT compilation,
 * which a long-running server pays once). Issue 3 aims for < 1 s each.
 */
import { bestSet } from '../apps/server/test/unit/excel-fixtures.ts';
import { exportWorkbook } from '../apps/server/src/excel/export-workbook.ts';
import { importWorkbook } from '../apps/server/src/excel/import-workbook.ts';
import { loadLke } from '../apps/server/src/excel/load-lke.ts';

export interface ExcelBench {
  exportMs: number;
  importMs: number;
  /** The warm-up run: a fresh process pays this once (module loading, JIT). */
  firstExportMs: number;
  firstImportMs: number;
  runs: number;
  bytes: number;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export async function benchExcel(runs = 5): Promise<ExcelBench> {
  const { lke } = await loadLke('zi-2021');
  const set = bestSet(lke);
  const exportTimes: number[] = [];
  const importTimes: number[] = [];
  let bytes = 0;
  let first = { exportMs: 0, importMs: 0 };
  for (let i = 0; i <= runs; i++) {
    const t0 = performance.now();
    const buffer = await exportWorkbook(lke, set);
    const t1 = performance.now();
    const result = await importWorkbook(buffer, lke);
    const t2 = performance.now();
    if (!result.ok) throw new Error(`import of the exported workbook failed: ${result.problems[0]?.message}`);
    bytes = buffer.length;
    if (i === 0) {
      first = { exportMs: t1 - t0, importMs: t2 - t1 };
      continue;
    }
    exportTimes.push(t1 - t0);
    importTimes.push(t2 - t1);
  }
  return {
    exportMs: median(exportTimes),
    importMs: median(importTimes),
    firstExportMs: first.exportMs,
    firstImportMs: first.importMs,
    runs,
    bytes,
  };
}
