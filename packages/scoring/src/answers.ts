/**
 * Answer sets (the input of `zona score`, shared/contracts/scoring-cli.md "Input") and their
 * validation against one LKE version. Validation lists every problem, by item code, so a TPI
 * team can fix a whole worksheet in one pass.
 */
import type { CompiledItem, CompiledLke } from './compile.ts';
import { type AnswerProblemKind, problemText, quote } from './messages.ts';

/** Named counts of a percentage item, e.g. `{ "agents": 10, "changes": 8 }`. */
export type RatioCounts = Readonly<Record<string, number>>;

/** One answer: `"ya"`/`"tidak"`, a capital letter, a survey index or percent, or named counts. */
export type AnswerValue = string | number | RatioCounts;

/** A validated answer set. Absent items are unanswered (they score 0). */
export interface AnswerSet {
  readonly instrument: string;
  /** Optional pin to one LKE version (an addition to the contract input; absent = latest). */
  readonly version?: number;
  /** The predicate the unit already holds (`WBK`, `WBBM`); WBBM requires a prior WBK. */
  readonly holds?: string;
  readonly answers: Readonly<Record<string, AnswerValue>>;
}

/** One problem of an answer set. `code` is the offending item code or top-level field. */
export interface AnswerProblem {
  readonly code: string;
  readonly kind: AnswerProblemKind;
  /** Where in the input, e.g. `answers.A.II.1.i.a.agents`. */
  readonly path: string;
  /** English. */
  readonly message: string;
  /** Indonesian. */
  readonly messageId: string;
}

/** Result of `validateAnswers`. */
export type ValidationResult =
  | { readonly ok: true; readonly value: AnswerSet }
  | { readonly ok: false; readonly problems: readonly AnswerProblem[] };

const TOP_LEVEL_FIELDS = new Set(['instrument', 'version', 'holds', 'answers']);

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0;
}

/**
 * Validates untrusted input (parsed JSON) against one LKE version and returns a normalised
 * answer set (null answers and null optional counts dropped), or every problem found.
 */
export function validateAnswers(lke: CompiledLke, input: unknown): ValidationResult {
  const problems: AnswerProblem[] = [];
  const report = (code: string, kind: AnswerProblemKind, path: string, params: Record<string, string | number> = {}) => {
    const text = problemText(kind, params);
    problems.push({ code, kind, path, message: text.en, messageId: text.id });
  };
  if (!isRecord(input)) {
    report('$', 'not-object', '$');
    return { ok: false, problems };
  }
  for (const field of Object.keys(input)) {
    if (!TOP_LEVEL_FIELDS.has(field)) report(field, 'unknown-field', field, { field });
  }
  if (input.instrument !== lke.instrument) {
    report('instrument', 'instrument', 'instrument', { got: quote(input.instrument), expected: lke.instrument });
  }
  if (input.version !== undefined && input.version !== null && input.version !== lke.version) {
    report('version', 'version', 'version', { got: quote(input.version), expected: lke.version });
  }
  const predicateCodes = lke.predicates.map((p) => p.code);
  const holds = input.holds;
  if (holds !== undefined && holds !== null && !(typeof holds === 'string' && predicateCodes.includes(holds))) {
    report('holds', 'holds', 'holds', { got: quote(holds), allowed: predicateCodes.join(', ') });
  }
  const answers: Record<string, AnswerValue> = {};
  if (!isRecord(input.answers)) {
    report('answers', 'answers', 'answers', { got: quote(input.answers) });
  } else {
    for (const [code, raw] of Object.entries(input.answers)) {
      const path = `answers.${code}`;
      const index = lke.itemIndex.get(code);
      if (index === undefined) {
        const owner = lke.countRows.get(code);
        if (owner) report(code, 'count-row-key', path, { item: owner });
        else report(code, 'unknown-item', path);
        continue;
      }
      // null is "not answered" (a cleared cell), the same as an absent key.
      if (raw === null) continue;
      const value = checkAnswer(lke.items[index], raw, path, report);
      if (value !== undefined) answers[code] = value;
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  const value: AnswerSet = {
    instrument: lke.instrument,
    ...(typeof input.version === 'number' ? { version: input.version } : {}),
    ...(typeof holds === 'string' ? { holds } : {}),
    answers,
  };
  return { ok: true, value };
}

type Report = (code: string, kind: AnswerProblemKind, path: string, params?: Record<string, string | number>) => void;

/** Checks one answer; returns the normalised value, or undefined after reporting problems. */
function checkAnswer(item: CompiledItem, raw: unknown, path: string, report: Report): AnswerValue | undefined {
  const code = item.code;
  switch (item.kind) {
    case 'yesno':
      if (raw === 'ya' || raw === 'tidak') return raw;
      report(code, 'yesno', path, { got: quote(raw) });
      return undefined;
    case 'options':
      if (typeof raw === 'string' && item.letterValues[raw] !== undefined) return raw;
      report(code, 'letter', path, { got: quote(raw), options: item.letters.join('/') });
      return undefined;
    case 'index':
      if (typeof raw === 'number' && Number.isFinite(raw) && raw >= item.min && raw <= item.max) return raw;
      report(code, 'index', path, { got: quote(raw), min: item.min, max: item.max });
      return undefined;
    case 'percent':
      if (typeof raw === 'number' && Number.isFinite(raw) && raw >= 0 && raw <= 100) return raw;
      report(code, 'percent', path, { got: quote(raw) });
      return undefined;
    case 'ratio':
      return checkCounts(item, raw, path, report);
  }
}

function checkCounts(item: CompiledItem, raw: unknown, path: string, report: Report): RatioCounts | undefined {
  const code = item.code;
  const names = [...item.countNames].join(', ');
  if (!isRecord(raw)) {
    report(code, 'counts-object', path, { got: quote(raw), counts: names });
    return undefined;
  }
  let ok = true;
  const counts: Record<string, number> = {};
  for (const [name, v] of Object.entries(raw)) {
    if (!item.countNames.has(name)) {
      report(code, 'unknown-count', `${path}.${name}`, { count: name, counts: names });
      ok = false;
    } else if (v === null) {
      // An optional count left empty; a required one is caught below.
    } else if (!isCount(v)) {
      report(code, 'count-value', `${path}.${name}`, { count: name, got: quote(v) });
      ok = false;
    } else {
      counts[name] = v;
    }
  }
  if (item.item.answer.type === 'ratio') {
    for (const count of item.item.answer.counts) {
      if (count.required && (raw[count.name] === undefined || raw[count.name] === null)) {
        report(code, 'missing-count', `${path}.${count.name}`, { count: count.name });
        ok = false;
      }
    }
  }
  return ok ? counts : undefined;
}
