/**
 * An independent reference scorer for tests, written straight from the contract text
 * (shared/contracts/scoring-cli.md) and domain section (d) — not from the engine:
 *
 * - exact rational arithmetic on BigInt (no floating point, so no representation error at all),
 *   survey indexes taken as the decimals they are written as (3.95 is 395/100);
 * - percentage formulas from the contract's table, keyed by item code (not the YAML formula tree);
 * - thresholds from the contract's table (zi-2021) or the domain table (zi-2014), not the YAML;
 * - only the structure (weights, items, option counts) is read from the raw YAML data.
 *
 * Slow and simple on purpose. Used to check the engine and to produce fixture expectations.
 */

/** A non-negative-denominator rational n/d in lowest terms. */
interface Q {
  n: bigint;
  d: bigint;
}

const abs = (x: bigint) => (x < 0n ? -x : x);
function gcd(a: bigint, b: bigint): bigint {
  a = abs(a);
  b = abs(b);
  while (b) [a, b] = [b, a % b];
  return a || 1n;
}
function q(n: bigint, d = 1n): Q {
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d);
  return { n: n / g, d: d / g };
}
const add = (a: Q, b: Q) => q(a.n * b.d + b.n * a.d, a.d * b.d);
const sub = (a: Q, b: Q) => q(a.n * b.d - b.n * a.d, a.d * b.d);
const mul = (a: Q, b: Q) => q(a.n * b.n, a.d * b.d);
const div = (a: Q, b: Q) => q(a.n * b.d, a.d * b.n);
const cmp = (a: Q, b: Q) => {
  const x = a.n * b.d - b.n * a.d;
  return x < 0n ? -1 : x > 0n ? 1 : 0;
};
const ZERO = q(0n);
const ONE = q(1n);
const int = (x: number) => q(BigInt(x));

/** The decimal a JSON number was written as (JavaScript prints the shortest round-trip form). */
export function decimalOf(x: number): Q {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(x));
  if (!m) throw new Error(`not a finite number: ${x}`);
  const [, sign, whole, frac = '', exp = '0'] = m;
  let r = q(BigInt(`${sign}${whole}${frac}`), 10n ** BigInt(frac.length));
  const e = Number(exp);
  r = e >= 0 ? mul(r, q(10n ** BigInt(e))) : div(r, q(10n ** BigInt(-e)));
  return r;
}

/** Exact half-away-from-zero rounding to 2 decimals, returned as the double of that decimal. */
export function round2(x: Q): number {
  const scaled = mul(x, q(100n));
  const twice = q(2n * abs(scaled.n) + scaled.d, 2n * scaled.d); // |x·100| + 1/2
  const units = twice.n / twice.d; // floor
  const signed = scaled.n < 0n ? -units : units;
  return Number(signed) / 100; // an integer ÷ 100 is the double nearest the decimal
}

const clamp = (x: Q) => (cmp(x, ZERO) < 0 ? ZERO : cmp(x, ONE) > 0 ? ONE : x);
const ratio = (num: Q, den: Q, onZero: Q) => (den.n === 0n ? onZero : div(num, den));

type Counts = Record<string, number>;
const c = (counts: Counts, name: string) => int(counts[name] ?? 0);

/** The contract's table of percentage items ("Input"): value before clamping. */
const RATIO_RULES: Record<string, (k: Counts) => Q> = {
  'A.II.1.i.a': (k) => ratio(c(k, 'changes'), c(k, 'agents'), ZERO),
  'A.II.1.i.b': (k) => ratio(c(k, 'integrated'), c(k, 'changes'), ZERO),
  'A.II.3.iii.a': (k) =>
    c(k, 'lastYear').n === 0n ? (c(k, 'thisYear').n === 0n ? ONE : ZERO) : div(sub(c(k, 'lastYear'), c(k, 'thisYear')), c(k, 'lastYear')),
  'A.II.4.i.a': (k) => ratio(c(k, 'achieved'), c(k, 'targets'), ZERO),
  'A.II.5.ii.a': (k) => ratio(c(k, 'completed'), c(k, 'toFollowUp'), ONE),
  'A.II.5.iii.a': (k) => ratio(c(k, 'submitted'), c(k, 'obliged'), ONE),
  'A.II.5.iii.b': (k) => ratio(c(k, 'submitted'), c(k, 'obliged'), ONE),
  'A.II.6.i.b': (k) => ratio(c(k, 'simplified'), c(k, 'registered'), ZERO),
};

/** A threshold: which reported number, and its minimum. */
type Rule = { id: string; value: (r: Rounded) => number; min: number };
type Rounded = { total: number; pengungkit: number; areas: Record<string, number>; results: Record<string, number> };

const area = (k: string) => (r: Rounded) => r.areas[k];
const result = (k: string) => (r: Rounded) => r.results[k];
function areaRules(mins: number[]): Rule[] {
  return mins.map((min, i) => ({ id: `area:${i + 1}`, value: area(String(i + 1)), min }));
}

/** Thresholds per instrument: 90/2021 Tabel 6 (contract table) and 52/2014 Bab III B.4 (domain (d)). */
const THRESHOLDS: Record<string, Record<string, { rules: Rule[]; priorWbk: boolean }>> = {
  'zi-2021': {
    WBK: {
      priorWbk: false,
      rules: [
        { id: 'total', value: (r) => r.total, min: 75 },
        { id: 'pengungkit', value: (r) => r.pengungkit, min: 40 },
        ...areaRules([4.8, 4.2, 6, 6, 9, 6]),
        { id: 'B.I', value: result('B.I'), min: 18.25 },
        { id: 'B.I.a', value: result('B.I.a'), min: 15.75 },
        { id: 'B.I.b', value: result('B.I.b'), min: 2.5 },
        { id: 'B.II', value: result('B.II'), min: 14 },
      ],
    },
    WBBM: {
      priorWbk: true,
      rules: [
        { id: 'total', value: (r) => r.total, min: 85 },
        { id: 'pengungkit', value: (r) => r.pengungkit, min: 48 },
        ...areaRules([6, 5.25, 7.5, 7.5, 11.25, 7.5]),
        { id: 'B.I', value: result('B.I'), min: 19.5 },
        { id: 'B.I.a', value: result('B.I.a'), min: 15.75 },
        { id: 'B.I.b', value: result('B.I.b'), min: 3.75 },
        { id: 'B.II', value: result('B.II'), min: 15.75 },
      ],
    },
  },
  'zi-2014': {
    WBK: {
      priorWbk: false,
      rules: [
        { id: 'total', value: (r) => r.total, min: 75 },
        { id: 'B.I', value: result('B.I'), min: 18 },
        { id: 'B.I.1', value: result('B.I.1'), min: 13.5 },
        { id: 'B.I.2', value: result('B.I.2'), min: 3.5 },
      ],
    },
    WBBM: {
      priorWbk: true,
      rules: [
        { id: 'total', value: (r) => r.total, min: 85 },
        { id: 'B.I', value: result('B.I'), min: 18 },
        { id: 'B.I.1', value: result('B.I.1'), min: 13.5 },
        { id: 'B.I.2', value: result('B.I.2'), min: 3.5 },
        { id: 'B.II', value: result('B.II'), min: 16 },
      ],
    },
  },
};

// Raw YAML shapes (only what the reference reads).
type RawItem = { code: string; answer: { type: string; options?: unknown[] } };
type RawSubarea = { code: string; weight: number; aspect?: string; items: RawItem[] };
type RawArea = { code: string; weight: number; subareas: RawSubarea[] };
type RawDoc = { instrument: string; components: { role: string; areas: RawArea[] }[] };

/** Value of one item, straight from the contract's "Scoring" bullet list. */
function itemValue(item: RawItem, answer: unknown): Q {
  if (answer === undefined || answer === null) return ZERO; // unanswered scores 0
  switch (item.answer.type) {
    case 'yesno':
      return answer === 'ya' ? ONE : ZERO;
    case 'options': {
      const n = BigInt(item.answer.options?.length ?? 0);
      const k = BigInt((answer as string).charCodeAt(0) - 64); // A = 1
      return q(n - k, n - 1n);
    }
    case 'index':
      return div(decimalOf(answer as number), int(4)); // IPAK/IPKP ÷ 4
    case 'percent':
      return div(decimalOf(answer as number), int(100));
    case 'ratio': {
      const rule = RATIO_RULES[item.code];
      if (!rule) throw new Error(`reference has no contract formula for ${item.code}`);
      return clamp(rule(answer as Counts));
    }
    default:
      throw new Error(`unknown type ${item.answer.type}`);
  }
}

/** The contract report for an answer set, computed independently of the engine. */
export function referenceReport(doc: RawDoc, input: { holds?: string; answers: Record<string, unknown> }) {
  const answers = input.answers;
  let answered = 0;
  let totalItems = 0;
  const areas: Record<string, { score: number; weight: number; pemenuhan?: number; reform?: number }> = {};
  const subareas: Record<string, number> = {};
  const results: Record<string, number> = {};
  let pengungkit = ZERO;
  let hasil = ZERO;
  for (const component of doc.components) {
    for (const a of component.areas) {
      let areaSum = ZERO;
      const aspects: Record<string, Q> = {};
      const subScores: [string, Q][] = [];
      for (const s of a.subareas) {
        let sum = ZERO;
        for (const item of s.items) {
          totalItems++;
          if (answers[item.code] !== undefined && answers[item.code] !== null) answered++;
          sum = add(sum, itemValue(item, answers[item.code]));
        }
        // Sub-area score = weight × mean of its item values.
        const score = mul(decimalOf(s.weight), div(sum, int(s.items.length)));
        subScores.push([s.code, score]);
        areaSum = add(areaSum, score);
        if (s.aspect) aspects[s.aspect] = add(aspects[s.aspect] ?? ZERO, score);
      }
      if (component.role === 'pengungkit') {
        pengungkit = add(pengungkit, areaSum);
        areas[a.code] = { score: round2(areaSum), weight: a.weight };
        for (const aspect of ['pemenuhan', 'reform']) if (aspects[aspect]) areas[a.code][aspect as 'reform'] = round2(aspects[aspect]);
        for (const [code, score] of subScores) subareas[code] = round2(score);
      } else {
        hasil = add(hasil, areaSum);
        results[a.code] = round2(areaSum);
        if (subScores.length > 1) for (const [code, score] of subScores) results[code] = round2(score);
      }
    }
  }
  const rounded: Rounded = { total: round2(add(pengungkit, hasil)), pengungkit: round2(pengungkit), areas: {}, results };
  for (const [k, v] of Object.entries(areas)) rounded.areas[k] = v.score;
  const predicates: Record<string, { eligible: boolean; failures: string[] }> = {};
  for (const [code, spec] of Object.entries(THRESHOLDS[doc.instrument])) {
    const failures = spec.rules.filter((r) => !(r.value(rounded) >= r.min)).map((r) => r.id);
    if (spec.priorWbk && input.holds !== 'WBK' && input.holds !== 'WBBM') failures.push('prior-wbk');
    predicates[code] = { eligible: failures.length === 0, failures };
  }
  return {
    instrument: doc.instrument,
    total: rounded.total,
    pengungkit: rounded.pengungkit,
    hasil: round2(hasil),
    areas,
    subareas,
    results,
    completeness: { answered, total: totalItems },
    predicates,
  };
}
