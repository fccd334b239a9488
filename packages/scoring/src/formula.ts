/**
 * Count formulas of percentage items (PermenPANRB 90/2021 Lampiran III, rows "%" fed by "Jumlah"
 * rows), written in the LKE document as a typed rule tree (schema.ts `Expr` / `Cond`).
 *
 * The tree is compiled once into closures so that scoring does not walk the tree or check node
 * shapes for every worksheet.
 */
import type { Cond, Expr } from './schema.ts';

/** The named counts of one percentage item; absent or null counts evaluate as 0. */
export type Counts = Readonly<Record<string, number | null | undefined>>;

/** A compiled count formula. */
export type CountsFn = (counts: Counts) => number;

/** Compiles a count formula into a closure. Division by zero takes the node's `onZero` branch. */
export function compileExpr(expr: Expr): CountsFn {
  if ('const' in expr) {
    const value = expr.const;
    return () => value;
  }
  if ('count' in expr) {
    const name = expr.count;
    return (counts) => {
      const v = counts[name];
      return typeof v === 'number' ? v : 0;
    };
  }
  if ('add' in expr) {
    const parts = expr.add.map(compileExpr);
    return (counts) => {
      let sum = 0;
      for (const part of parts) sum += part(counts);
      return sum;
    };
  }
  if ('sub' in expr) {
    const a = compileExpr(expr.sub[0]);
    const b = compileExpr(expr.sub[1]);
    return (counts) => a(counts) - b(counts);
  }
  if ('div' in expr) {
    const num = compileExpr(expr.div[0]);
    const den = compileExpr(expr.div[1]);
    const onZero = compileExpr(expr.onZero);
    // The regulation does not define x ÷ 0 (domain (g) question 3); each formula states its own
    // zero-denominator value, fixed by the contract table (e.g. 1 when nobody must file LHKPN).
    return (counts) => {
      const d = den(counts);
      return d === 0 ? onZero(counts) : num(counts) / d;
    };
  }
  const cond = compileCond(expr.if);
  const then = compileExpr(expr.then);
  const otherwise = compileExpr(expr.else);
  return (counts) => (cond(counts) ? then(counts) : otherwise(counts));
}

function compileCond(cond: Cond): (counts: Counts) => boolean {
  if ('eq' in cond) {
    const [a, b] = cond.eq.map(compileExpr);
    return (counts) => a(counts) === b(counts);
  }
  if ('gt' in cond) {
    const [a, b] = cond.gt.map(compileExpr);
    return (counts) => a(counts) > b(counts);
  }
  const [a, b] = cond.gte.map(compileExpr);
  return (counts) => a(counts) >= b(counts);
}

/** Every count name a formula reads (to check it against the item's declared counts). */
export function collectCountRefs(expr: Expr, into: Set<string> = new Set()): Set<string> {
  if ('count' in expr) into.add(expr.count);
  else if ('add' in expr) for (const e of expr.add) collectCountRefs(e, into);
  else if ('sub' in expr) for (const e of expr.sub) collectCountRefs(e, into);
  else if ('div' in expr) {
    for (const e of expr.div) collectCountRefs(e, into);
    collectCountRefs(expr.onZero, into);
  } else if ('if' in expr) {
    const c = expr.if;
    const pair = 'eq' in c ? c.eq : 'gt' in c ? c.gt : c.gte;
    for (const e of pair) collectCountRefs(e, into);
    collectCountRefs(expr.then, into);
    collectCountRefs(expr.else, into);
  }
  return into;
}

/**
 * Renders a formula as text for explanations: with count names, or with the counts' values
 * substituted when `counts` is given (e.g. `(lastYear − thisYear) ÷ lastYear` → `(3 − 0) ÷ 3`).
 */
export function renderExpr(expr: Expr, counts?: Counts): string {
  if ('const' in expr) return String(expr.const);
  if ('count' in expr) {
    if (!counts) return expr.count;
    const v = counts[expr.count];
    return String(typeof v === 'number' ? v : 0);
  }
  if ('add' in expr) return `(${expr.add.map((e) => renderExpr(e, counts)).join(' + ')})`;
  if ('sub' in expr) return `(${renderExpr(expr.sub[0], counts)} − ${renderExpr(expr.sub[1], counts)})`;
  if ('div' in expr) {
    const den = renderExpr(expr.div[1], counts);
    return `${renderExpr(expr.div[0], counts)} ÷ ${den} [${den} = 0 → ${renderExpr(expr.onZero, counts)}]`;
  }
  const c = expr.if;
  const [op, pair] = 'eq' in c ? ['=', c.eq] : 'gt' in c ? ['>', c.gt] : ['≥', c.gte];
  return `(${renderExpr(pair[0], counts)} ${op} ${renderExpr(pair[1], counts)} ? ${renderExpr(expr.then, counts)} : ${renderExpr(expr.else, counts)})`;
}
