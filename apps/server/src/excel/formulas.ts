/**
 * Excel formulas for the Nilai and % columns. Every formula is derived from the LKE document
 * (answer types, option counts, the typed count formula, weights), never hand-written per item,
 * so the workbook recalculates exactly as the engine scores: same operations, same order.
 *
 * Only functions that Excel and LibreOffice both evaluate identically are used (IF, AND, OR,
 * MAX, MIN, COUNT, ISNUMBER, UPPER, TRIM, ROUND).
 */
import type { Cond, Expr, Item } from '@zona/scoring';
import type { PlanRow } from './layout.ts';
import { COL } from './types.ts';

const answerCell = (row: number): string => `${COL.answer}${row}`;
const valueCell = (row: number): string => `${COL.value}${row}`;

/** A number literal Excel parses back to the same double (JS shortest round-trip form). */
function literal(n: number): string {
  return Number.isInteger(n) || Math.abs(n) >= 1e-6 ? String(n) : n.toExponential();
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/**
 * The exact letter value (n − k) ÷ (n − 1) as a reduced fraction. Division is correctly rounded,
 * so `2/3` in Excel is the same double as (4 − 2) ÷ (4 − 1) in the engine.
 */
export function letterFraction(n: number, k: number): string {
  const num = n - k;
  const den = n - 1;
  if (num === 0) return '0';
  if (num === den) return '1';
  const g = gcd(num, den);
  return `${num / g}/${den / g}`;
}

/** Translates a count formula tree; `ref` maps a count name to its cell. */
export function exprToExcel(expr: Expr, ref: (count: string) => string): string {
  if ('const' in expr) return literal(expr.const);
  if ('count' in expr) return ref(expr.count);
  if ('add' in expr) return `(${expr.add.map((e) => exprToExcel(e, ref)).join('+')})`;
  if ('sub' in expr) return `(${exprToExcel(expr.sub[0], ref)}-${exprToExcel(expr.sub[1], ref)})`;
  if ('div' in expr) {
    const num = exprToExcel(expr.div[0], ref);
    const den = exprToExcel(expr.div[1], ref);
    return `IF(${den}=0,${exprToExcel(expr.onZero, ref)},${num}/${den})`;
  }
  return `IF(${condToExcel(expr.if, ref)},${exprToExcel(expr.then, ref)},${exprToExcel(expr.else, ref)})`;
}

function condToExcel(cond: Cond, ref: (count: string) => string): string {
  const [op, pair] = 'eq' in cond ? ['=', cond.eq] : 'gt' in cond ? ['>', cond.gt] : ['>=', cond.gte];
  return `${exprToExcel(pair[0], ref)}${op}${exprToExcel(pair[1], ref)}`;
}

/**
 * The item value in [0, 1] from the answer on `row` (and, for ratios, its count rows).
 * An empty answer gives 0, because an unanswered item still counts in its sub-area's mean.
 */
export function itemValueFormula(item: Item, row: number, countRows: Record<string, number> = {}): string {
  const cell = answerCell(row);
  const answer = item.answer;
  switch (answer.type) {
    case 'yesno':
      // UPPER/TRIM: LibreOffice compares text case-sensitively by default, Excel does not.
      return `IF(UPPER(TRIM(${cell}))="YA",1,0)`;
    case 'options': {
      const n = answer.options.length;
      let formula = '0';
      for (let k = n; k >= 1; k--) {
        const letter = answer.options[k - 1].letter;
        if (k === n) continue; // the last option is worth 0, like an empty cell
        formula = `IF(UPPER(TRIM(${cell}))="${letter}",${letterFraction(n, k)},${formula})`;
      }
      return formula;
    }
    case 'ratio': {
      const ref = (name: string): string => {
        const countRow = countRows[name];
        if (countRow === undefined) throw new Error(`${item.code}: formula uses unknown count "${name}"`);
        return answerCell(countRow);
      };
      const required = answer.counts.filter((c) => c.required).map((c) => ref(c.name));
      const ratio = `MAX(0,MIN(1,${exprToExcel(answer.formula, ref)}))`;
      // Blank counts would read as 0 and trigger the zero-denominator rule (possibly worth 1),
      // so the item only scores once every required count is filled in.
      return required.length ? `IF(COUNT(${required.join(',')})<${required.length},0,${ratio})` : ratio;
    }
    case 'index':
      return `IF(ISNUMBER(${cell}),${cell}/${literal(answer.max)},0)`;
    case 'percent':
      return `IF(ISNUMBER(${cell}),${cell}/100,0)`;
  }
}

/**
 * Nilai of a grouping row: the weighted mean of a sub-area, or the sum of its children.
 * Written with + and / rather than SUM/AVERAGE on purpose: LibreOffice sums ranges with
 * compensated (Kahan) summation, which can differ from the engine's plain left-to-right sum in
 * the last bit and flip a half-cent when rounding. Plain operators are IEEE-identical everywhere.
 */
export function groupValueFormula(row: PlanRow): string {
  if (row.kind === 'subarea') {
    // A merged row (B.I.a) averages its own item value, inlined: the mean of one value is itself.
    const values = row.item ? [itemValueFormula(row.item, row.row, row.countRows)] : row.averageOf!.map(valueCell);
    // (weight × sum) ÷ n, the engine's order of operations (score.ts `aggregate`).
    return `${COL.weight}${row.row}*(${values.join('+')})/${values.length}`;
  }
  return row.sumOf!.map(valueCell).join('+');
}

/** % = Nilai ÷ Bobot; for an item, its value is already the share of its maximum. */
export function percentFormula(row: PlanRow): string {
  return row.weight === undefined ? valueCell(row.row) : `${valueCell(row.row)}/${COL.weight}${row.row}`;
}
