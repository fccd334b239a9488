/**
 * Export of an LKE version (optionally filled with an answer set) as an .xlsx workbook:
 * "LKE" (the worksheet), "Rekapitulasi" (rounded scores and predicate checks) and the hidden
 * "_zona" metadata sheet that makes import exact.
 */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { type CompiledLke, type LkeDocument, ENGINE_VERSION, compileLke, validateAnswers } from '@zona/scoring';
import { planLke } from './layout.ts';
import { addMainSheet } from './main-sheet.ts';
import { addMetaSheet, inputEntries } from './meta-sheet.ts';
import { addSummarySheet } from './summary-sheet.ts';
import type { AnswerSet, AnswerValue, ExportOptions } from './types.ts';
import { WORKBOOK_FORMAT, WORKBOOK_FORMAT_VERSION } from './types.ts';

const compiled = new WeakMap<LkeDocument, CompiledLke>();

/** The compiled form of a document, built once per document object (export and import share it). */
export function compiledLke(lke: LkeDocument): CompiledLke {
  let c = compiled.get(lke);
  if (!c) compiled.set(lke, (c = compileLke(lke)));
  return c;
}

/** Thrown when the answer set to export does not fit the LKE; lists every problem. */
export class AnswerSetError extends Error {
  constructor(readonly problems: readonly { code: string; message: string }[]) {
    super(`the answer set does not fit the LKE:\n${problems.map((p) => `  ${p.code}: ${p.message}`).join('\n')}`);
    this.name = 'AnswerSetError';
  }
}

/** Builds the workbook in memory. */
export async function buildWorkbook(lke: LkeDocument, answerSet?: AnswerSet, options: ExportOptions = {}): Promise<ExcelJS.Workbook> {
  let answers: Record<string, AnswerValue> = {};
  let holds: string | undefined;
  if (answerSet) {
    // The engine's own validation: a workbook never shows an answer the engine would refuse.
    const checked = validateAnswers(compiledLke(lke), answerSet);
    if (!checked.ok) throw new AnswerSetError(checked.problems);
    answers = { ...checked.value.answers } as Record<string, AnswerValue>;
    holds = checked.value.holds;
  }
  const plan = planLke(lke);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Zona';
  wb.title = lke.title.id;
  wb.subject = `${lke.instrument} v${lke.version}`;
  // Formulas are written without cached results: Excel recalculates on open, LibreOffice
  // computes any formula cell that has no value. Nothing stale can be shown.
  wb.calcProperties = { fullCalcOnLoad: true };
  await addMainSheet(wb, lke, plan, answers, holds);
  const summary = await addSummarySheet(wb, lke, plan);
  addMetaSheet(
    wb,
    {
      format: WORKBOOK_FORMAT,
      formatVersion: WORKBOOK_FORMAT_VERSION,
      instrument: lke.instrument,
      version: lke.version,
      checksum: options.checksum ?? '',
      engineVersion: options.engineVersion ?? ENGINE_VERSION,
    },
    inputEntries(plan),
    summary,
  );
  return wb;
}

/**
 * Exports an LKE version as an .xlsx buffer, filled with `answerSet` when given.
 * @throws AnswerSetError when the answer set does not fit the LKE.
 */
export async function exportWorkbook(lke: LkeDocument, answerSet?: AnswerSet, options?: ExportOptions): Promise<Buffer> {
  const wb = await buildWorkbook(lke, answerSet, options);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The same workbook written to a stream (an HTTP response, a file), without an extra copy. */
export async function exportWorkbookToStream(
  lke: LkeDocument,
  stream: Writable,
  answerSet?: AnswerSet,
  options?: ExportOptions,
): Promise<void> {
  const wb = await buildWorkbook(lke, answerSet, options);
  await wb.xlsx.write(stream);
}
