/**
 * `simulate`: how far a worksheet is from each predicate (PermenPANRB 90/2021 Lampiran II
 * Tabel 6) and the cheapest way to close the gap with LKE answers.
 *
 * Raising one item's value by Δ raises its sub-area, area, component and the total by the same
 * share × Δ (sub-area weight ÷ item count × Δ), because every level is a plain sum of the level
 * below (Tabel 3 and 4). The simulator works on those exact deltas and judges rules on rounded
 * numbers, exactly like `score`.
 */
import type { AnswerSet, AnswerValue } from './answers.ts';
import { betterAnswers } from './better-answers.ts';
import type { CompiledItem, CompiledLke, CompiledRule } from './compile.ts';
import { requirementText, targetLabel } from './explain-texts.ts';
import { roundHalfAwayFromZero } from './rounding.ts';
import { aggregate, computeItemValues, holdsRequired, type RawScores, targetExact } from './score.ts';
import type { Text } from './schema.ts';

/** One better answer of an item and what it would add. */
export interface OptionGain {
  readonly to: AnswerValue;
  /** The item value this answer gives. */
  readonly value: number;
  /** Exact points gained — the same for the item's sub-area, area, component and the total. */
  readonly gain: number;
  /** Change of the reported (rounded) scores, which rounding can make differ per level. */
  readonly shown: { readonly subarea: number; readonly area: number; readonly component: number; readonly total: number };
  /** Rule ids per predicate that this single change would make pass. */
  readonly closes: Readonly<Record<string, readonly string[]>>;
}

/** An unanswered or not-best item and the gain of each better answer. */
export interface ItemImprovement {
  readonly item: string;
  readonly subarea: string;
  readonly area: string;
  readonly component: string;
  /** False for survey indexes: their value comes from the survey, not from the unit's answer. */
  readonly controllable: boolean;
  readonly from: AnswerValue | null;
  readonly currentValue: number;
  /** Names of the rule targets this item feeds (`total`, the role, the area, the sub-area). */
  readonly targets: readonly string[];
  /** The best answer (first of `options`). */
  readonly best: OptionGain;
  /** Every better answer, best first. */
  readonly options: readonly OptionGain[];
}

/** A failing rule with its distance to the threshold. */
export interface RuleGap {
  readonly id: string;
  readonly target: string;
  readonly current: number;
  readonly threshold: number;
  /** threshold − current (rounded). */
  readonly gap: number;
  /** Whether LKE answers alone can close it (survey indexes and held predicates excluded). */
  readonly closable: boolean;
  /** The rounded score the target reaches with every controllable answer at its best. */
  readonly reachable: number;
  /** Why it cannot be closed by answers alone. */
  readonly reason?: Text;
}

/** One step of the cheapest path. */
export interface PathStep {
  readonly item: string;
  readonly from: AnswerValue | null;
  readonly to: AnswerValue;
  readonly gain: number;
  /** Rule ids that pass from this step on. */
  readonly closes: readonly string[];
  /** Rounded total after this step. */
  readonly total: number;
}

/** Distance to one predicate and the greedy path towards it. */
export interface PredicateSimulation {
  readonly code: string;
  readonly eligible: boolean;
  readonly failures: readonly RuleGap[];
  readonly requirement: { readonly failureId: string; readonly satisfied: boolean; readonly reason: Text } | null;
  /** Changes that close every closable failing rule, biggest useful gain first. */
  readonly path: readonly PathStep[];
  /** Failures that answers cannot close, each with a statement. */
  readonly unclosable: readonly { readonly id: string; readonly reason: Text }[];
  /** True when following `path` makes the predicate eligible. */
  readonly reachable: boolean;
  /** Rounded total and remaining failure ids after following `path`. */
  readonly projected: { readonly total: number; readonly failures: readonly string[] };
}

/** The whole simulation. */
export interface Simulation {
  readonly instrument: string;
  readonly version: number;
  /** Every unanswered or not-best item, sorted by the gain of its best answer, descending. */
  readonly improvements: readonly ItemImprovement[];
  readonly predicates: readonly PredicateSimulation[];
}

const EPS = 1e-12;

function inScope(item: CompiledItem, rule: CompiledRule): boolean {
  const t = rule.target;
  if (t.kind === 'total') return true;
  if (t.kind === 'component') return item.component === t.index;
  if (t.kind === 'area') return item.area === t.index;
  return item.subarea === t.index;
}

/** Simulates improvements for both predicates of the document (WBK, WBBM). */
export function simulate(lke: CompiledLke, set: AnswerSet): Simulation {
  const raw = aggregate(lke, computeItemValues(lke, set));
  const d = lke.doc.rounding.decimals;
  const round = (x: number) => roundHalfAwayFromZero(x, d);
  const passes = (exact: number, min: number) => round(exact) >= min;

  const candidates = lke.items.map((item) => betterAnswers(item, set.answers[item.code] ?? undefined, raw.itemValues[item.index]));
  const improvements: ItemImprovement[] = [];
  for (const item of lke.items) {
    const options = candidates[item.index];
    if (options.length === 0) continue;
    const current = raw.itemValues[item.index];
    const gains = options.map((c): OptionGain => {
      const gain = item.share * (c.value - current);
      const shown = (exact: number) => round(round(exact + gain) - round(exact));
      const closes: Record<string, string[]> = {};
      for (const p of lke.predicates) {
        closes[p.code] = p.rules
          .filter((r) => inScope(item, r) && !passes(targetExact(raw, r.target), r.rule.min) && passes(targetExact(raw, r.target) + gain, r.rule.min))
          .map((r) => r.rule.id);
      }
      return {
        to: c.answer,
        value: c.value,
        gain,
        shown: {
          subarea: shown(raw.subareas[item.subarea]),
          area: shown(raw.areas[item.area]),
          component: shown(raw.components[item.component]),
          total: shown(raw.total),
        },
        closes,
      };
    });
    const component = lke.components[item.component];
    improvements.push({
      item: item.code,
      subarea: lke.subareas[item.subarea].code,
      area: lke.areas[item.area].code,
      component: component.code,
      controllable: item.controllable,
      from: set.answers[item.code] ?? null,
      currentValue: current,
      targets: ['total', component.role, lke.areas[item.area].code, lke.subareas[item.subarea].code],
      best: gains[0],
      options: gains,
    });
  }
  improvements.sort((a, b) => b.best.gain - a.best.gain || lke.itemIndex.get(a.item)! - lke.itemIndex.get(b.item)!);

  const predicates = lke.predicates.map((_, pi) => simulatePredicate(lke, set, raw, candidates, pi, round));
  return { instrument: lke.instrument, version: lke.version, improvements, predicates };
}

function simulatePredicate(
  lke: CompiledLke,
  set: AnswerSet,
  raw: RawScores,
  candidates: ReturnType<typeof betterAnswers>[],
  pi: number,
  round: (x: number) => number,
): PredicateSimulation {
  const p = lke.predicates[pi];
  const passes = (exact: number, min: number) => round(exact) >= min;

  // The best every rule target can reach by answers alone: every controllable item at value 1
  // (the best answer of every type is worth 1), survey indexes as they are.
  const ceiling: RawScores = {
    ...raw,
    itemValues: raw.itemValues.map((v, i) => (lke.items[i].controllable ? 1 : v)),
    subareas: new Float64Array(raw.subareas.length),
    areas: new Float64Array(raw.areas.length),
    components: new Float64Array(raw.components.length),
  };
  aggregate(lke, ceiling);

  const failures: RuleGap[] = [];
  const unclosable: { id: string; reason: Text }[] = [];
  const open: CompiledRule[] = [];
  for (const r of p.rules) {
    const exact = targetExact(raw, r.target);
    if (passes(exact, r.rule.min)) continue;
    const reach = targetExact(ceiling, r.target);
    const closable = passes(reach, r.rule.min);
    const current = round(exact);
    const reason = closable ? undefined : unclosableReason(lke, raw, r, round(reach), round);
    failures.push({
      id: r.rule.id,
      target: r.rule.target,
      current,
      threshold: r.rule.min,
      gap: round(r.rule.min - current),
      closable,
      reachable: round(reach),
      ...(reason ? { reason } : {}),
    });
    if (closable) open.push(r);
    else unclosable.push({ id: r.rule.id, reason: reason as Text });
  }
  let requirement: PredicateSimulation['requirement'] = null;
  const req = p.predicate.requiresHeld;
  if (req) {
    const satisfied = holdsRequired(req.anyOf, set.holds);
    const text = requirementText(p.code, req.anyOf);
    const reason: Text = {
      id: `${text.id}; tidak dapat dipenuhi lewat jawaban LKE`,
      en: `${text.en}; LKE answers cannot meet this`,
    };
    requirement = { failureId: req.failureId, satisfied, reason };
    if (!satisfied) unclosable.push({ id: req.failureId, reason });
  }

  // Greedy path: repeatedly take the change that removes the most shortfall from the open rules
  // (a shortfall is min − exact while the rounded score fails); among equal choices the smaller
  // step (cheaper answer) and then the earlier item. Terminates: every step raises one item.
  const values = Float64Array.from(raw.itemValues);
  const exactOf = (r: CompiledRule) => targetExact(raw, r.target);
  const added = new Float64Array(open.length);
  const answers = new Map<string, AnswerValue>();
  const path: PathStep[] = [];
  let total = raw.total;
  const shortfall = (k: number, extra: number) => {
    const e = exactOf(open[k]) + added[k] + extra;
    return passes(e, open[k].rule.min) ? 0 : open[k].rule.min - e;
  };
  for (;;) {
    let stillOpen = false;
    for (let k = 0; k < open.length; k++) if (shortfall(k, 0) > 0) stillOpen = true;
    if (!stillOpen) break;
    let best: { item: CompiledItem; answer: AnswerValue; value: number; gain: number; reduction: number } | null = null;
    for (const item of lke.items) {
      if (!item.controllable) continue;
      for (const c of candidates[item.index]) {
        if (c.value <= values[item.index]) continue;
        const gain = item.share * (c.value - values[item.index]);
        let reduction = 0;
        for (let k = 0; k < open.length; k++) {
          if (inScope(item, open[k])) reduction += shortfall(k, 0) - shortfall(k, gain);
        }
        if (reduction <= EPS) continue;
        const better =
          !best ||
          reduction > best.reduction + EPS ||
          (Math.abs(reduction - best.reduction) <= EPS && gain < best.gain - EPS);
        if (better) best = { item, answer: c.answer, value: c.value, gain, reduction };
      }
    }
    if (!best) break;
    const { item, gain } = best;
    values[item.index] = best.value;
    total += gain;
    const closes: string[] = [];
    for (let k = 0; k < open.length; k++) {
      if (!inScope(item, open[k])) continue;
      const before = shortfall(k, 0);
      added[k] += gain;
      if (before > 0 && shortfall(k, 0) === 0) closes.push(open[k].rule.id);
    }
    const from = answers.has(item.code) ? (answers.get(item.code) as AnswerValue) : (set.answers[item.code] ?? null);
    answers.set(item.code, best.answer);
    path.push({ item: item.code, from, to: best.answer, gain, closes, total: round(total) });
  }
  // Collapse repeated steps on one item into its final answer, keeping the first position.
  const collapsed: PathStep[] = [];
  for (const step of path) {
    const prior = collapsed.findIndex((s) => s.item === step.item);
    if (prior < 0) collapsed.push(step);
    else collapsed[prior] = { ...step, from: collapsed[prior].from, gain: collapsed[prior].gain + step.gain, closes: [...collapsed[prior].closes, ...step.closes] };
  }
  const remaining = [
    ...open.filter((_, k) => shortfall(k, 0) > 0).map((r) => r.rule.id),
    ...unclosable.map((u) => u.id),
  ];
  return {
    code: p.code,
    eligible: failures.length === 0 && (!requirement || requirement.satisfied),
    failures,
    requirement,
    path: collapsed,
    unclosable,
    reachable: unclosable.length === 0,
    projected: { total: round(total), failures: remaining },
  };
}

/** Statement for a rule that answers cannot close: what the survey index would have to be. */
function unclosableReason(lke: CompiledLke, raw: RawScores, r: CompiledRule, reach: number, round: (x: number) => number): Text {
  const surveys = lke.items.filter((item) => !item.controllable && inScope(item, r));
  const label = targetLabel(lke, r.rule.target);
  const head = {
    id: `Tidak dapat dipenuhi hanya dengan jawaban LKE: walau semua jawaban terbaik, ${label.id} hanya mencapai ${reach} (minimum ${r.rule.min})`,
    en: `Cannot be closed by LKE answers alone: even with every answer at its best, ${label.en} reaches only ${reach} (minimum ${r.rule.min})`,
  };
  if (surveys.length === 1) {
    const s = surveys[0];
    // Everything else in the target at its best; the survey index is the only unknown left.
    const others = targetExactWithout(lke, raw, r, s);
    const needed = requiredIndex(s, others, r.rule.min, round);
    if (needed !== null) {
      return {
        id: `${head.id}; perlu nilai survei ${s.code} ≥ ${needed}`,
        en: `${head.en}; needs survey index ${s.code} ≥ ${needed}`,
      };
    }
    return {
      id: `${head.id}; bahkan nilai survei ${s.code} maksimum tidak cukup`,
      en: `${head.en}; even the top survey index ${s.code} would not suffice`,
    };
  }
  if (surveys.length > 1) {
    const list = surveys.map((s) => s.code).join(', ');
    return { id: `${head.id}; bergantung pada hasil survei ${list}`, en: `${head.en}; depends on the survey results ${list}` };
  }
  return head;
}

/** Exact value of the rule's target with all controllable items at best, minus survey item `s`. */
function targetExactWithout(lke: CompiledLke, raw: RawScores, r: CompiledRule, s: CompiledItem): number {
  let sum = 0;
  for (const item of lke.items) {
    if (!inScope(item, r)) continue;
    if (item.index === s.index) continue;
    sum += item.share * (item.controllable ? 1 : raw.itemValues[item.index]);
  }
  return sum;
}

/** Smallest survey index (2 decimals, as surveys are reported) whose rounded rule value passes. */
function requiredIndex(s: CompiledItem, others: number, min: number, round: (x: number) => number): number | null {
  const ok = (idx: number) => round(others + s.share * (idx / s.max)) >= min;
  if (!ok(s.max)) return null;
  let idx = Math.max(s.min, Math.ceil(((min - 0.005 - others) / s.share) * s.max * 100 - 1e-9) / 100);
  while (idx > s.min && ok(Math.round((idx - 0.01) * 100) / 100)) idx = Math.round((idx - 0.01) * 100) / 100;
  while (!ok(idx) && idx < s.max) idx = Math.round((idx + 0.01) * 100) / 100;
  return Math.min(idx, s.max);
}
