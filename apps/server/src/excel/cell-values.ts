/**
 * Reading answer cells typed by people: "Ya"/"ya"/"YA", letters in any case, numbers typed as
 * text with a decimal comma ("3,62", the Indonesian convention). Each reader returns the
 * contract value or an English message saying what was expected.
 */
import type ExcelJS from 'exceljs';
import type { Item } from '@zona/scoring';

/** A cell reduced to what matters for an answer. */
export type CellContent =
  | { kind: 'blank' }
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'other'; shown: string };

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * What the cell holds, looking through formulas (their cached result), rich text and links.
 * A formula's result is taken from `cell.result`: exceljs 4.4 drops a cached result of 0 from
 * `cell.value`, which would make every zero score look uncalculated.
 */
export function cellContent(cell: ExcelJS.Cell): CellContent {
  const value = cell.value;
  if (value !== null && typeof value === 'object' && ('formula' in value || 'sharedFormula' in value)) {
    return valueContent({ ...value, result: cell.result } as ExcelJS.CellValue);
  }
  return valueContent(value);
}

function valueContent(value: ExcelJS.CellValue | undefined): CellContent {
  if (value === null || value === undefined) return { kind: 'blank' };
  if (typeof value === 'number') return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'other', shown: String(value) };
  if (typeof value === 'string') {
    const text = value.trim();
    return text ? { kind: 'text', text } : { kind: 'blank' };
  }
  if (typeof value === 'boolean') return { kind: 'other', shown: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) return { kind: 'other', shown: `date ${value.toISOString().slice(0, 10)}` };
  if ('richText' in value) return valueContent(value.richText.map((r) => r.text).join(''));
  if ('error' in value) return { kind: 'other', shown: String(value.error) };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    if (result === undefined) return { kind: 'other', shown: 'a formula without a value' };
    if (typeof result === 'object' && result !== null && 'error' in result) return { kind: 'other', shown: String(result.error) };
    return valueContent(result as ExcelJS.CellValue);
  }
  if ('text' in value) return valueContent(value.text as ExcelJS.CellValue);
  return { kind: 'other', shown: 'an unreadable value' };
}

/** The plain text of a cell, for codes and notes. */
export function cellText(cell: ExcelJS.Cell): string {
  const c = cellContent(cell);
  if (c.kind === 'text') return c.text;
  if (c.kind === 'number') return String(c.value);
  return '';
}

function shown(c: CellContent): string {
  if (c.kind === 'text') return JSON.stringify(c.text);
  if (c.kind === 'number') return String(c.value);
  if (c.kind === 'other') return c.shown;
  return 'an empty cell';
}

/** A decimal typed as a number or as text with "," or "." as the decimal separator. */
function decimal(c: CellContent): number | undefined {
  if (c.kind === 'number') return c.value;
  if (c.kind === 'text' && /^[+-]?\d+([.,]\d+)?$/.test(c.text)) return Number(c.text.replace(',', '.'));
  return undefined;
}

/**
 * A count: a whole number ≥ 0. Text must be plain digits — "1.000" is refused rather than read
 * as 1 or 1000, since the thousands separator differs between locales.
 */
export function parseCount(c: CellContent): Parsed<number> {
  const n = c.kind === 'number' ? c.value : c.kind === 'text' && /^[+-]?\d+$/.test(c.text) ? Number(c.text) : undefined;
  if (n !== undefined && Number.isInteger(n) && n >= 0) return { ok: true, value: n };
  return { ok: false, message: `a count must be a whole number of 0 or more, got ${shown(c)}` };
}

/** An item answer from a non-blank cell (ratio items are read from their count rows instead). */
export function parseItemAnswer(item: Item, c: CellContent): Parsed<string | number> {
  const a = item.answer;
  switch (a.type) {
    case 'yesno': {
      const t = c.kind === 'text' ? c.text.toLowerCase() : '';
      if (t === 'ya' || t === 'tidak') return { ok: true, value: t };
      return { ok: false, message: `expected Ya or Tidak, got ${shown(c)}` };
    }
    case 'options': {
      const letters = a.options.map((o) => o.letter);
      const t = c.kind === 'text' ? c.text.toUpperCase() : '';
      if (letters.includes(t)) return { ok: true, value: t };
      return { ok: false, message: `expected one of ${letters.join('/')}, got ${shown(c)}` };
    }
    case 'index': {
      const n = decimal(c);
      if (n !== undefined && n >= a.min && n <= a.max) return { ok: true, value: n };
      return { ok: false, message: `expected a survey index from ${a.min} to ${a.max}, got ${shown(c)}` };
    }
    case 'percent': {
      const n = decimal(c);
      if (n !== undefined && n >= 0 && n <= 100) return { ok: true, value: n };
      return { ok: false, message: `expected a percentage from 0 to 100, got ${shown(c)}` };
    }
    case 'ratio':
      return { ok: false, message: 'a percentage item is answered in its Jumlah rows, not here' };
  }
}

/** The held predicate: blank or "-" is none; otherwise one of the predicate codes. */
export function parseHolds(c: CellContent, codes: string[]): Parsed<string | undefined> {
  if (c.kind === 'blank' || (c.kind === 'text' && c.text === '-')) return { ok: true, value: undefined };
  const t = c.kind === 'text' ? c.text.toUpperCase() : '';
  if (codes.includes(t)) return { ok: true, value: t };
  return { ok: false, message: `expected ${codes.join(', ')} or -, got ${shown(c)}` };
}
