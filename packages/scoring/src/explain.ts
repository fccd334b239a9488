/**
 * `explain`: the steps behind any number of a report — an item, a sub-area, an area, a component,
 * the total or a predicate rule — with the formula, its inputs, the intermediate values and the
 * clause it applies, in Indonesian and English.
 */
import type { AnswerSet, AnswerValue } from './answers.ts';
import type { CompiledLke, TargetRef } from './compile.ts';
import { cite, fmt, RULE_TEXT, requirementText, ruleText, targetLabel } from './explain-texts.ts';
import { renderExpr } from './formula.ts';
import { aggregate, computeItemValues, holdsRequired, type RawScores, targetExact } from './score.ts';
import { roundHalfAwayFromZero } from './rounding.ts';
import type { Text } from './schema.ts';

/** What to explain. A string is resolved as: `total`; `<PREDICATE>:<rule id>` (e.g. `WBBM:area:4`,
 * `WBBM:prior-wbk`); a component role or code; an area code; a sub-area code; an item code. */
export type ExplainTarget =
  | string
  | { kind: 'total' }
  | { kind: 'item' | 'subarea' | 'area' | 'component'; code: string }
  | { kind: 'rule'; predicate: string; rule: string };

/** One input of a computation (an answer, a count, a child score). */
export interface ExplainInput {
  readonly code: string;
  readonly label?: Text;
  readonly answer?: AnswerValue | null;
  readonly value: number;
}

/** One step: what is done, the arithmetic with numbers, and its result. */
export interface ExplainStep {
  readonly text: Text;
  readonly expression: string;
  readonly value: number;
}

/** The explanation of one number. */
export interface Explanation {
  readonly kind: 'item' | 'subarea' | 'area' | 'component' | 'total' | 'rule';
  readonly code: string;
  readonly name?: Text;
  /** The reported value (rounded; item values are shown unrounded since they feed a mean). */
  readonly value: number;
  readonly exact: number;
  readonly formula: Text;
  /** The clause applied, from the LKE document (legal basis or the rule's basis). */
  readonly basis: Text;
  readonly inputs: readonly ExplainInput[];
  readonly steps: readonly ExplainStep[];
  /** Rules only. */
  readonly passed?: boolean;
  readonly threshold?: number;
}

type Resolved =
  | { kind: 'item'; index: number }
  | { kind: 'subarea' | 'area' | 'component'; index: number }
  | { kind: 'total' }
  | { kind: 'rule'; predicate: number; rule: string };

function resolve(lke: CompiledLke, target: ExplainTarget): Resolved {
  if (typeof target !== 'string') {
    if (target.kind === 'total') return { kind: 'total' };
    if (target.kind === 'rule') {
      const p = lke.predicateIndex.get(target.predicate);
      if (p !== undefined) return { kind: 'rule', predicate: p, rule: target.rule };
    } else {
      const map = { item: lke.itemIndex, subarea: lke.subareaIndex, area: lke.areaIndex, component: lke.componentIndex }[target.kind];
      const index = map.get(target.code);
      if (index !== undefined) return { kind: target.kind, index };
    }
    throw new RangeError(`nothing to explain for ${JSON.stringify(target)}`);
  }
  if (target === 'total') return { kind: 'total' };
  for (const p of lke.predicates) {
    if (target.startsWith(`${p.code}:`)) return { kind: 'rule', predicate: lke.predicateIndex.get(p.code) as number, rule: target.slice(p.code.length + 1) };
  }
  const component = lke.componentIndex.get(target);
  if (component !== undefined) return { kind: 'component', index: component };
  const area = lke.areaIndex.get(target);
  if (area !== undefined) return { kind: 'area', index: area };
  // A sub-area and its only item may share a code (B.I.a): the sub-area explanation includes the item.
  const subarea = lke.subareaIndex.get(target);
  if (subarea !== undefined) return { kind: 'subarea', index: subarea };
  const item = lke.itemIndex.get(target);
  if (item !== undefined) return { kind: 'item', index: item };
  throw new RangeError(`nothing to explain for "${target}": not total, a predicate rule, a component, an area, a sub-area or an item`);
}

/** Explains one number of the report for this answer set. @throws RangeError for an unknown target. */
export function explain(lke: CompiledLke, set: AnswerSet, target: ExplainTarget): Explanation {
  const raw = aggregate(lke, computeItemValues(lke, set));
  const r = resolve(lke, target);
  const clause = lke.doc.legalBasis.map((b) => `${b.regulation}, ${b.clause}`).join('; ');
  switch (r.kind) {
    case 'item':
      return explainItem(lke, set, raw, r.index, clause);
    case 'subarea':
      return explainSubarea(lke, set, raw, r.index, clause);
    case 'rule':
      return explainRule(lke, set, raw, r.predicate, r.rule);
    default:
      return explainSum(lke, raw, r, clause);
  }
}

function round(lke: CompiledLke, x: number): number {
  return roundHalfAwayFromZero(x, lke.doc.rounding.decimals);
}

function roundingStep(lke: CompiledLke, exact: number): ExplainStep {
  const value = round(lke, exact);
  return { text: RULE_TEXT.rounding, expression: `${fmt(exact)} → ${value}`, value };
}

function explainItem(lke: CompiledLke, set: AnswerSet, raw: RawScores, index: number, clause: string): Explanation {
  const item = lke.items[index];
  const answer = set.answers[item.code];
  const value = raw.itemValues[index];
  const base = { kind: 'item' as const, code: item.code, name: item.item.text, value, exact: value };
  if (answer === undefined || answer === null) {
    return {
      ...base,
      formula: RULE_TEXT.unanswered,
      basis: cite(clause, RULE_TEXT.unanswered),
      inputs: [{ code: item.code, answer: null, value: 0 }],
      steps: [{ text: RULE_TEXT.unanswered, expression: '— → 0', value: 0 }],
    };
  }
  const steps: ExplainStep[] = [];
  const inputs: ExplainInput[] = [{ code: item.code, answer, value }];
  let formula: Text = RULE_TEXT[item.kind];
  const answerSpec = item.item.answer;
  if (item.kind === 'yesno') {
    steps.push({ text: RULE_TEXT.yesno, expression: `${answer} → ${value}`, value });
  } else if (item.kind === 'options') {
    const n = item.letters.length;
    const k = item.letters.indexOf(answer as string) + 1;
    steps.push({ text: RULE_TEXT.options, expression: `(${n} − ${k}) ÷ (${n} − 1) = ${fmt(value)}`, value });
  } else if (answerSpec.type === 'ratio' && typeof answer === 'object') {
    formula = { id: `${answerSpec.formulaText.id} (${RULE_TEXT.clamp.id})`, en: `${answerSpec.formulaText.en} (${RULE_TEXT.clamp.en})` };
    inputs.length = 0;
    for (const c of answerSpec.counts) inputs.push({ code: c.row, label: c.label, value: answer[c.name] ?? 0 });
    const unclamped = (item.formula as (c: typeof answer) => number)(answer);
    steps.push({ text: RULE_TEXT.counts, expression: `${renderExpr(answerSpec.formula)} = ${renderExpr(answerSpec.formula, answer)} = ${fmt(unclamped)}`, value: unclamped });
    steps.push({ text: RULE_TEXT.clamp, expression: `min(max(${fmt(unclamped)}, 0), 1) = ${fmt(value)}`, value });
  } else {
    const divisor = item.kind === 'index' ? item.max : 100;
    steps.push({ text: RULE_TEXT[item.kind], expression: `${answer} ÷ ${divisor} = ${fmt(value)}`, value });
  }
  const share = item.share * value;
  steps.push({
    text: { id: 'Sumbangan ke sub-area (bobot ÷ jumlah butir × nilai)', en: 'Contribution to the sub-area (weight ÷ item count × value)' },
    expression: `${fmt(item.share)} × ${fmt(value)} = ${fmt(share)}`,
    value: share,
  });
  return { ...base, formula, basis: cite(clause, formula), inputs, steps };
}

function explainSubarea(lke: CompiledLke, set: AnswerSet, raw: RawScores, index: number, clause: string): Explanation {
  const s = lke.subareas[index];
  const inputs: ExplainInput[] = [];
  const values: number[] = [];
  for (let i = s.itemStart; i < s.itemEnd; i++) {
    const code = lke.items[i].code;
    inputs.push({ code, label: lke.items[i].item.text, answer: set.answers[code] ?? null, value: raw.itemValues[i] });
    values.push(raw.itemValues[i]);
  }
  const n = values.length;
  const sum = values.reduce((a, b) => a + b, 0);
  const exact = raw.subareas[index];
  const steps: ExplainStep[] = [
    { text: RULE_TEXT.sum, expression: `${values.map(fmt).join(' + ')} = ${fmt(sum)}`, value: sum },
    { text: RULE_TEXT.mean, expression: `${fmt(sum)} ÷ ${n} = ${fmt(sum / n)}`, value: sum / n },
    { text: RULE_TEXT.times, expression: `${s.weight} × ${fmt(sum / n)} = ${fmt(exact)}`, value: exact },
    roundingStep(lke, exact),
  ];
  return {
    kind: 'subarea',
    code: s.code,
    name: s.subarea.name,
    value: round(lke, exact),
    exact,
    formula: RULE_TEXT.subarea,
    basis: cite(clause, RULE_TEXT.subarea),
    inputs,
    steps,
  };
}

function explainSum(lke: CompiledLke, raw: RawScores, r: Resolved, clause: string): Explanation {
  let children: { code: string; name: Text; exact: number }[];
  let kind: 'area' | 'component' | 'total';
  let code: string;
  let name: Text | undefined;
  let formula: Text;
  if (r.kind === 'area') {
    const a = lke.areas[r.index];
    children = lke.subareas.slice(a.subareaStart, a.subareaEnd).map((s) => ({ code: s.code, name: s.subarea.name, exact: raw.subareas[s.index] }));
    [kind, code, name, formula] = ['area', a.code, a.area.name, RULE_TEXT.area];
  } else if (r.kind === 'component') {
    const c = lke.components[r.index];
    children = lke.areas.slice(c.areaStart, c.areaEnd).map((a) => ({ code: a.code, name: a.area.name, exact: raw.areas[a.index] }));
    [kind, code, name, formula] = ['component', c.code, c.component.name, RULE_TEXT.component];
  } else {
    children = lke.components.map((c) => ({ code: c.code, name: c.component.name, exact: raw.components[c.index] }));
    [kind, code, name, formula] = ['total', 'total', undefined, RULE_TEXT.total];
  }
  const exact = targetExact(raw, r.kind === 'total' ? { kind: 'total' } : (r as TargetRef));
  return {
    kind,
    code,
    ...(name ? { name } : {}),
    value: round(lke, exact),
    exact,
    formula,
    basis: cite(clause, formula),
    inputs: children.map((c) => ({ code: c.code, label: c.name, value: c.exact })),
    steps: [
      { text: RULE_TEXT.sum, expression: `${children.map((c) => fmt(c.exact)).join(' + ')} = ${fmt(exact)}`, value: exact },
      roundingStep(lke, exact),
    ],
  };
}

function explainRule(lke: CompiledLke, set: AnswerSet, raw: RawScores, predicateIndex: number, ruleId: string): Explanation {
  const p = lke.predicates[predicateIndex];
  const req = p.predicate.requiresHeld;
  if (req && req.failureId === ruleId) {
    const satisfied = holdsRequired(req.anyOf, set.holds);
    const text = requirementText(p.code, req.anyOf);
    return {
      kind: 'rule',
      code: `${p.code}:${ruleId}`,
      value: satisfied ? 1 : 0,
      exact: satisfied ? 1 : 0,
      formula: text,
      basis: cite(p.rules[0]?.rule.basis ?? lke.doc.legalBasis[0]?.regulation ?? '', text),
      inputs: [{ code: 'holds', answer: set.holds ?? null, value: satisfied ? 1 : 0 }],
      steps: [{ text, expression: `holds = ${set.holds ?? '—'} ∈ {${req.anyOf.join(', ')}} → ${satisfied}`, value: satisfied ? 1 : 0 }],
      passed: satisfied,
    };
  }
  const found = p.rules.find((r) => r.rule.id === ruleId);
  if (!found) throw new RangeError(`predicate ${p.code} has no rule "${ruleId}"`);
  const { rule, target } = found;
  const exact = targetExact(raw, target);
  const value = round(lke, exact);
  const passed = value >= rule.min;
  const text = ruleText(p.code, targetLabel(lke, rule.target), rule.min);
  return {
    kind: 'rule',
    code: `${p.code}:${rule.id}`,
    value,
    exact,
    formula: text,
    basis: cite(rule.basis, text),
    inputs: [{ code: rule.target, value: exact }],
    steps: [
      roundingStep(lke, exact),
      { text: RULE_TEXT.compare, expression: `${value} ${passed ? '≥' : '<'} ${rule.min}`, value: passed ? 0 : round(lke, rule.min - value) },
    ],
    passed,
    threshold: rule.min,
  };
}
