/**
 * Semantic rules of an LKE document that the zod schema cannot state: unique codes, weights that
 * add up (PermenPANRB 90/2021 Lampiran II Tabel 3 and 4), formulas that only read declared
 * counts, predicate rules whose targets exist (Tabel 6), and option letters A, B, C… in order
 * (the value rule (n − k) ÷ (n − 1) depends on the position of each letter).
 */
import type { LkeProblem } from './errors.ts';
import { collectCountRefs } from './formula.ts';
import type { LkeDocument } from './schema.ts';

/** Two weights are equal when they differ by less than this (weights are short decimals). */
const WEIGHT_TOLERANCE = 1e-9;

/** The sum every instrument's components must reach: the LKE total is out of 100. */
const TOTAL_WEIGHT = 100;

function sameWeight(a: number, b: number): boolean {
  return Math.abs(a - b) <= WEIGHT_TOLERANCE * Math.max(1, Math.abs(b));
}

function sum(values: number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

/** Returns every semantic problem of a format-valid document (empty when it is sound). */
export function checkLkeSemantics(doc: LkeDocument): LkeProblem[] {
  const problems: LkeProblem[] = [];
  const add = (path: string, message: string, code?: string) =>
    problems.push({ path, ...(code ? { code } : {}), message });
  const seen = {
    component: new Map<string, string>(),
    area: new Map<string, string>(),
    subarea: new Map<string, string>(),
    item: new Map<string, string>(),
    row: new Map<string, string>(),
  };
  const unique = (kind: keyof typeof seen, code: string, path: string) => {
    const first = seen[kind].get(code);
    if (first) add(path, `duplicate ${kind} code "${code}" (first at ${first})`, code);
    else seen[kind].set(code, path);
  };
  const roles = new Set<string>();

  doc.components.forEach((component, ci) => {
    const cPath = `components.${ci}`;
    unique('component', component.code, cPath);
    if (roles.has(component.role)) add(`${cPath}.role`, `role "${component.role}" used by more than one component`, component.code);
    roles.add(component.role);
    const areaSum = sum(component.areas.map((a) => a.weight));
    if (!sameWeight(areaSum, component.weight)) {
      add(`${cPath}.weight`, `area weights add up to ${areaSum}, component weight is ${component.weight}`, component.code);
    }
    component.areas.forEach((area, ai) => {
      const aPath = `${cPath}.areas.${ai}`;
      unique('area', area.code, aPath);
      const subSum = sum(area.subareas.map((s) => s.weight));
      if (!sameWeight(subSum, area.weight)) {
        add(`${aPath}.weight`, `sub-area weights add up to ${subSum}, area weight is ${area.weight}`, area.code);
      }
      area.subareas.forEach((subarea, si) => {
        const sPath = `${aPath}.subareas.${si}`;
        unique('subarea', subarea.code, sPath);
        // Pemenuhan/reform split only exists inside the pengungkit component (Tabel 3).
        if (subarea.aspect && component.role !== 'pengungkit') {
          add(`${sPath}.aspect`, `aspect "${subarea.aspect}" is only allowed in the pengungkit component`, subarea.code);
        }
        subarea.items.forEach((item, ii) => {
          const iPath = `${sPath}.items.${ii}`;
          unique('item', item.code, iPath);
          checkAnswer(item.answer, `${iPath}.answer`, item.code, add, (row, path) => unique('row', row, path));
        });
      });
    });
  });
  const componentSum = sum(doc.components.map((c) => c.weight));
  if (!sameWeight(componentSum, TOTAL_WEIGHT)) {
    add('components', `component weights add up to ${componentSum}, must be ${TOTAL_WEIGHT}`);
  }
  for (const [row, path] of seen.row) {
    if (seen.item.has(row)) add(path, `count row "${row}" has the same code as an item`, row);
  }
  checkPredicates(doc, seen, add);
  return problems;
}

type Add = (path: string, message: string, code?: string) => void;

function checkAnswer(
  answer: LkeDocument['components'][number]['areas'][number]['subareas'][number]['items'][number]['answer'],
  path: string,
  code: string,
  add: Add,
  uniqueRow: (row: string, path: string) => void,
): void {
  if (answer.type === 'options') {
    answer.options.forEach((option, k) => {
      const expected = String.fromCharCode(65 + k);
      if (option.letter !== expected) {
        add(`${path}.options.${k}.letter`, `option ${k + 1} must be "${expected}", found "${option.letter}"`, code);
      }
    });
  } else if (answer.type === 'ratio') {
    const declared = new Map<string, { scored: boolean }>();
    answer.counts.forEach((count, k) => {
      if (declared.has(count.name)) add(`${path}.counts.${k}.name`, `duplicate count name "${count.name}"`, code);
      declared.set(count.name, { scored: count.scored });
      uniqueRow(count.row, `${path}.counts.${k}.row`);
    });
    const refs = collectCountRefs(answer.formula);
    for (const ref of refs) {
      const count = declared.get(ref);
      if (!count) add(`${path}.formula`, `formula reads count "${ref}" which the item does not declare`, code);
      else if (!count.scored) add(`${path}.formula`, `formula reads count "${ref}" which is declared as not scored`, code);
    }
    for (const [name, count] of declared) {
      if (count.scored && !refs.has(name)) {
        add(`${path}.counts`, `count "${name}" is declared as scored but the formula does not use it`, code);
      }
    }
  } else if (answer.type === 'index') {
    if (!(answer.min < answer.max)) add(path, `index range ${answer.min}–${answer.max} is empty`, code);
  }
}

function checkPredicates(
  doc: LkeDocument,
  seen: { component: Map<string, string>; area: Map<string, string>; subarea: Map<string, string> },
  add: Add,
): void {
  // A rule target is `total`, a component role or code, an area code or a sub-area code; a name
  // in two of these namespaces would make a threshold ambiguous.
  const targets = new Map<string, { kind: string; weight: number }>();
  const declare = (name: string, kind: string, weight: number) => {
    const prior = targets.get(name);
    if (prior && prior.kind !== kind) add('predicates', `target name "${name}" names both the ${prior.kind} and the ${kind}`, name);
    else targets.set(name, { kind, weight });
  };
  declare('total', 'total', TOTAL_WEIGHT);
  for (const c of doc.components) {
    declare(c.role, 'component', c.weight);
    if (c.code !== c.role) declare(c.code, 'component', c.weight);
    for (const a of c.areas) {
      declare(a.code, 'area', a.weight);
      for (const s of a.subareas) declare(s.code, 'subarea', s.weight);
    }
  }
  const predicateCodes = new Set(doc.predicates.map((p) => p.code));
  const seenPredicates = new Set<string>();
  doc.predicates.forEach((predicate, pi) => {
    const pPath = `predicates.${pi}`;
    if (seenPredicates.has(predicate.code)) add(pPath, `duplicate predicate code "${predicate.code}"`, predicate.code);
    seenPredicates.add(predicate.code);
    const ruleIds = new Set<string>();
    for (const held of predicate.requiresHeld?.anyOf ?? []) {
      if (!predicateCodes.has(held)) add(`${pPath}.requiresHeld`, `requires unknown predicate "${held}"`, predicate.code);
    }
    if (predicate.requiresHeld) ruleIds.add(predicate.requiresHeld.failureId);
    predicate.rules.forEach((rule, ri) => {
      const rPath = `${pPath}.rules.${ri}`;
      if (ruleIds.has(rule.id)) add(rPath, `duplicate rule id "${rule.id}" in predicate ${predicate.code}`, rule.id);
      ruleIds.add(rule.id);
      const target = targets.get(rule.target);
      if (!target) {
        add(`${rPath}.target`, `rule target "${rule.target}" is not total, a component, an area or a sub-area`, rule.id);
        return;
      }
      if (rule.min > target.weight) add(`${rPath}.min`, `minimum ${rule.min} exceeds the target's weight ${target.weight}`, rule.id);
      // Tabel 6 states area minimums as a share of the weight and prints them to 2 decimals.
      if (rule.percentOfWeight !== undefined && Math.abs((target.weight * rule.percentOfWeight) / 100 - rule.min) > 0.005 + WEIGHT_TOLERANCE) {
        add(`${rPath}.min`, `minimum ${rule.min} is not ${rule.percentOfWeight}% of the weight ${target.weight}`, rule.id);
      }
    });
  });
}
