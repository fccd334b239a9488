/**
 * Scoring one worksheet (PermenPANRB 90/2021 Lampiran II Tabel 3, 4 and 6; Lampiran III; contract
 * shared/contracts/scoring-cli.md "Scoring"). The hot path: no maps, no zod, a few typed arrays.
 */
import type { AnswerSet } from './answers.ts';
import type { CompiledLke, TargetRef } from './compile.ts';
import { itemValue } from './item-value.ts';
import type {
  AreaScore,
  AspectScore,
  ComponentScore,
  ItemScore,
  PredicateResult,
  RuleResult,
  ScoreReport,
  SubareaScore,
} from './report.ts';
import { roundHalfAwayFromZero } from './rounding.ts';
import { ENGINE_VERSION } from './version.ts';

/** Full-precision aggregates, indexed like the compiled LKE; shared by score, explain, simulate. */
export interface RawScores {
  readonly itemValues: Float64Array;
  readonly answered: Uint8Array;
  readonly subareas: Float64Array;
  readonly areas: Float64Array;
  readonly components: Float64Array;
  total: number;
}

/** Item values of an answer set (unanswered = 0), without aggregating. */
export function computeItemValues(lke: CompiledLke, set: AnswerSet, into?: RawScores): RawScores {
  const raw = into ?? allocRaw(lke);
  const answers = set.answers;
  const items = lke.items;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const answer = answers[item.code];
    if (answer === undefined || answer === null) {
      raw.itemValues[i] = 0;
      raw.answered[i] = 0;
    } else {
      raw.itemValues[i] = itemValue(item, answer);
      raw.answered[i] = 1;
    }
  }
  return raw;
}

/** Allocates empty full-precision arrays for one LKE. */
export function allocRaw(lke: CompiledLke): RawScores {
  return {
    itemValues: new Float64Array(lke.items.length),
    answered: new Uint8Array(lke.items.length),
    subareas: new Float64Array(lke.subareas.length),
    areas: new Float64Array(lke.areas.length),
    components: new Float64Array(lke.components.length),
    total: 0,
  };
}

/**
 * Rolls item values up: sub-area = weight × mean of its item values, unanswered items counting
 * as 0 in the mean (contract "Input": "it scores 0 and still counts in its sub-area's mean");
 * area = Σ sub-areas (pemenuhan + reform); component = Σ areas; total = Σ components
 * (PermenPANRB 90/2021 Lampiran II Tabel 3 and 4; domain section (d)). Full precision.
 */
export function aggregate(lke: CompiledLke, raw: RawScores): RawScores {
  const values = raw.itemValues;
  for (const s of lke.subareas) {
    let sum = 0;
    for (let i = s.itemStart; i < s.itemEnd; i++) sum += values[i];
    raw.subareas[s.index] = (s.weight * sum) / (s.itemEnd - s.itemStart);
  }
  for (const a of lke.areas) {
    let sum = 0;
    for (let i = a.subareaStart; i < a.subareaEnd; i++) sum += raw.subareas[i];
    raw.areas[a.index] = sum;
  }
  let total = 0;
  for (const c of lke.components) {
    let sum = 0;
    for (let i = c.areaStart; i < c.areaEnd; i++) sum += raw.areas[i];
    raw.components[c.index] = sum;
    total += sum;
  }
  raw.total = total;
  return raw;
}

/** Full-precision value of a rule/explanation target. */
export function targetExact(raw: RawScores, target: TargetRef): number {
  switch (target.kind) {
    case 'total':
      return raw.total;
    case 'component':
      return raw.components[target.index];
    case 'area':
      return raw.areas[target.index];
    case 'subarea':
      return raw.subareas[target.index];
  }
}

/** Does the unit hold one of the predicates a predicate requires (90/2021 Tabel 6: WBBM needs WBK)? */
export function holdsRequired(requiredAnyOf: readonly string[] | undefined, holds: string | null | undefined): boolean {
  return !requiredAnyOf || (holds != null && requiredAnyOf.includes(holds));
}

/**
 * Judges every predicate: each rule passes when the target's rounded score ≥ its minimum
 * (contract: "Threshold comparisons use the reported (rounded) numbers"; 90/2021 Tabel 6).
 */
export function judgePredicates(lke: CompiledLke, raw: RawScores, holds: string | null): PredicateResult[] {
  const decimals = lke.doc.rounding.decimals;
  return lke.predicates.map((p) => {
    const failures: string[] = [];
    const rules: RuleResult[] = p.rules.map(({ rule, target }) => {
      const exact = targetExact(raw, target);
      const value = roundHalfAwayFromZero(exact, decimals);
      const passed = value >= rule.min;
      if (!passed) failures.push(rule.id);
      return {
        id: rule.id,
        target: rule.target,
        min: rule.min,
        value,
        exact,
        passed,
        gap: passed ? 0 : roundHalfAwayFromZero(rule.min - value, decimals),
        basis: rule.basis,
      };
    });
    const req = p.predicate.requiresHeld;
    let requiresHeld: PredicateResult['requiresHeld'] = null;
    if (req) {
      const satisfied = holdsRequired(req.anyOf, holds);
      if (!satisfied) failures.push(req.failureId);
      requiresHeld = { anyOf: req.anyOf, failureId: req.failureId, satisfied };
    }
    return { code: p.code, eligible: failures.length === 0, failures, rules, requiresHeld };
  });
}

/** Scores a validated answer set against a compiled LKE version: the full report. */
export function score(lke: CompiledLke, set: AnswerSet): ScoreReport {
  const raw = aggregate(lke, computeItemValues(lke, set));
  return buildReport(lke, raw, set.holds ?? null);
}

/** Builds the report object from full-precision aggregates (rounding happens only here). */
export function buildReport(lke: CompiledLke, raw: RawScores, holds: string | null): ScoreReport {
  const d = lke.doc.rounding.decimals;
  const round = (x: number) => roundHalfAwayFromZero(x, d);
  const percent = (exact: number, weight: number) => roundHalfAwayFromZero((exact / weight) * 100, d);

  let answeredCount = 0;
  const items: ItemScore[] = new Array(lke.items.length);
  for (let i = 0; i < lke.items.length; i++) {
    const answered = raw.answered[i] === 1;
    if (answered) answeredCount++;
    items[i] = { code: lke.items[i].code, answered, value: raw.itemValues[i] };
  }

  const subareas: SubareaScore[] = lke.subareas.map((s) => {
    const exact = raw.subareas[s.index];
    let answered = 0;
    for (let i = s.itemStart; i < s.itemEnd; i++) answered += raw.answered[i];
    return {
      code: s.code,
      weight: s.weight,
      exact,
      score: round(exact),
      percent: percent(exact, s.weight),
      area: lke.areas[s.area].code,
      aspect: s.aspect,
      answered,
      items: s.itemEnd - s.itemStart,
    };
  });

  const areas: AreaScore[] = lke.areas.map((a) => {
    const exact = raw.areas[a.index];
    let pemenuhan = 0;
    let reform = 0;
    for (let i = a.subareaStart; i < a.subareaEnd; i++) {
      const aspect = lke.subareas[i].aspect;
      if (aspect === 'pemenuhan') pemenuhan += raw.subareas[i];
      else if (aspect === 'reform') reform += raw.subareas[i];
    }
    const aspectScore = (weight: number | null, sum: number): AspectScore | null =>
      weight === null ? null : { weight, exact: sum, score: round(sum) };
    return {
      code: a.code,
      weight: a.weight,
      exact,
      score: round(exact),
      percent: percent(exact, a.weight),
      component: lke.components[a.component].code,
      pemenuhan: aspectScore(a.pemenuhanWeight, pemenuhan),
      reform: aspectScore(a.reformWeight, reform),
    };
  });

  const components: ComponentScore[] = lke.components.map((c) => {
    const exact = raw.components[c.index];
    return { code: c.code, weight: c.weight, exact, score: round(exact), percent: percent(exact, c.weight), role: c.role };
  });

  let totalWeight = 0;
  for (const c of lke.components) totalWeight += c.weight;

  return {
    instrument: lke.instrument,
    version: lke.version,
    engineVersion: ENGINE_VERSION,
    holds,
    total: { code: 'total', weight: totalWeight, exact: raw.total, score: round(raw.total), percent: percent(raw.total, totalWeight) },
    components,
    areas,
    subareas,
    items,
    completeness: { answered: answeredCount, total: lke.items.length },
    predicates: judgePredicates(lke, raw, holds),
  };
}
