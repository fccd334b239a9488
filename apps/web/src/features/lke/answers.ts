/**
 * Sandbox answers: drafts as the person types them (a percentage item may have only some of its
 * counts yet), kept in sessionStorage per LKE version so a reload keeps them, and turned into a
 * valid answer set for the engine by leaving incomplete or invalid answers out.
 */
import {
  type AnswerProblem,
  type AnswerSet,
  type AnswerValue,
  type CompiledLke,
  type ContractReport,
  type ScoreReport,
  type Simulation,
  score,
  simulate,
  toContractReport,
  validateAnswers,
} from '@zona/scoring';

/** Count drafts may hold null for a cleared input. */
export type DraftValue = string | number | Record<string, number | null>;
export type DraftAnswers = Record<string, DraftValue>;

export interface SandboxState {
  holds: string | null;
  answers: DraftAnswers;
}

const EMPTY: SandboxState = { holds: null, answers: {} };

export function storageKey(instrument: string, version: number): string {
  return `zona.lke.sandbox.${instrument}.v${version}`;
}

export function loadSandbox(instrument: string, version: number): SandboxState {
  try {
    const raw = window.sessionStorage.getItem(storageKey(instrument, version));
    if (!raw) return EMPTY;
    const parsed = JSON.parse(raw) as Partial<SandboxState>;
    return {
      holds: typeof parsed.holds === 'string' ? parsed.holds : null,
      answers: parsed.answers && typeof parsed.answers === 'object' ? (parsed.answers as DraftAnswers) : {},
    };
  } catch {
    return EMPTY;
  }
}

export function saveSandbox(instrument: string, version: number, state: SandboxState): void {
  try {
    window.sessionStorage.setItem(storageKey(instrument, version), JSON.stringify(state));
  } catch {
    // Storage full or disabled: the sandbox still works until the tab closes.
  }
}

export interface Computed {
  /** The answer set the engine scored (drafts that are complete and valid). */
  set: AnswerSet;
  report: ScoreReport;
  contract: ContractReport;
  simulation: Simulation;
  /** Item codes whose draft is incomplete (a required count missing) — left out. */
  incomplete: string[];
  /** Engine problems of drafts that were left out (should be rare: inputs are constrained). */
  problems: AnswerProblem[];
}

/** Drops null counts; a ratio draft missing a required count is incomplete. */
function cleanDraft(lke: CompiledLke, code: string, draft: DraftValue): AnswerValue | 'incomplete' | null {
  const index = lke.itemIndex.get(code);
  if (index === undefined) return null;
  const item = lke.items[index];
  if (typeof draft !== 'object' || draft === null) return draft;
  if (item.item.answer.type !== 'ratio') return null;
  const counts: Record<string, number> = {};
  for (const [name, v] of Object.entries(draft)) if (typeof v === 'number' && Number.isFinite(v)) counts[name] = v;
  if (Object.keys(counts).length === 0) return null;
  const missing = item.item.answer.counts.some((c) => c.required && counts[c.name] === undefined);
  return missing ? 'incomplete' : counts;
}

/** Scores the drafts live with @zona/scoring (validate → score → contract report → simulate). */
export function computeSandbox(lke: CompiledLke, state: SandboxState): Computed {
  const answers: Record<string, AnswerValue> = {};
  const incomplete: string[] = [];
  for (const [code, draft] of Object.entries(state.answers)) {
    const clean = cleanDraft(lke, code, draft);
    if (clean === 'incomplete') incomplete.push(code);
    else if (clean !== null) answers[code] = clean;
  }
  const input = { instrument: lke.instrument, ...(state.holds ? { holds: state.holds } : {}), answers };
  let checked = validateAnswers(lke, input);
  let problems: AnswerProblem[] = [];
  if (!checked.ok) {
    problems = [...checked.problems];
    const bad = new Set(problems.map((p) => p.code));
    const kept = Object.fromEntries(Object.entries(answers).filter(([code]) => !bad.has(code)));
    const holds = bad.has('holds') ? {} : state.holds ? { holds: state.holds } : {};
    checked = validateAnswers(lke, { instrument: lke.instrument, ...holds, answers: kept });
  }
  const set: AnswerSet = checked.ok ? checked.value : { instrument: lke.instrument, answers: {} };
  const report = score(lke, set);
  return { set, report, contract: toContractReport(report), simulation: simulate(lke, set), incomplete, problems };
}

/** An answer as people read it: "Ya", "B", "3,62", "agents 10 · changes 8". */
export function formatAnswer(value: AnswerValue | null | undefined, yes: string, no: string): string {
  if (value === null || value === undefined) return '—';
  if (value === 'ya') return yes;
  if (value === 'tidak') return no;
  if (typeof value === 'object') {
    return Object.entries(value)
      .map(([k, v]) => `${k} ${v}`)
      .join(' · ');
  }
  return String(value);
}
