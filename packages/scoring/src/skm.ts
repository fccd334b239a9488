/**
 * SKM — Survei Kepuasan Masyarakat (PermenPANRB 14/2017), as fixed by the "Survey CLI" section of
 * shared/contracts/app-and-cli.md: nine elements u1…u9 answered 1–4, NRR per element, IKM with
 * the exact weight 1/9, IKM × 25, the quality grade, and the Krejcie–Morgan sample size.
 */
import { roundHalfAwayFromZero } from './rounding.ts';

/** Instrument code of an SKM input. */
export const SKM_INSTRUMENT = 'skm-2017';

/** The nine SKM elements (unsur) of PermenPANRB 14/2017, u1 Persyaratan … u9 Sarana dan prasarana. */
export const SKM_ELEMENTS = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9'] as const;
export type SkmElement = (typeof SKM_ELEMENTS)[number];

/** One respondent; an element may be missing or null (then left out of that element's average). */
export type SkmResponse = Partial<Record<SkmElement, number | null>>;

/** A validated SKM input. */
export interface SkmInput {
  readonly instrument: typeof SKM_INSTRUMENT;
  readonly responses: readonly SkmResponse[];
}

/** One problem of an SKM input; `code` names the field, e.g. `responses[3].u2`. */
export interface SkmProblem {
  readonly code: string;
  readonly message: string;
  readonly messageId: string;
}

/** The SKM result (contract output of `zona survey skm`). */
export interface SkmResult {
  respondents: number;
  nrr: Record<SkmElement, number>;
  ikm: number;
  ikmConverted: number;
  grade: 'A' | 'B' | 'C' | 'D';
  performance: 'Sangat Baik' | 'Baik' | 'Kurang Baik' | 'Tidak Baik';
}

const ELEMENT_SET: ReadonlySet<string> = new Set(SKM_ELEMENTS);

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Validates an SKM input and lists every problem (value outside 1–4, non-integer, unknown
 * element, no responses, an element answered by nobody, wrong instrument). */
export function validateSkm(input: unknown): { ok: true; value: SkmInput } | { ok: false; problems: SkmProblem[] } {
  const problems: SkmProblem[] = [];
  const add = (code: string, en: string, id: string) => problems.push({ code, message: en, messageId: id });
  if (!isRecord(input)) {
    add('$', 'the input must be a JSON object with "responses"', 'masukan harus berupa objek JSON dengan "responses"');
    return { ok: false, problems };
  }
  for (const key of Object.keys(input)) {
    if (key !== 'instrument' && key !== 'responses') add(key, `unknown field "${key}"`, `kolom "${key}" tidak dikenal`);
  }
  if (input.instrument !== undefined && input.instrument !== SKM_INSTRUMENT) {
    add('instrument', `instrument must be "${SKM_INSTRUMENT}", got ${JSON.stringify(input.instrument)}`, `instrumen harus "${SKM_INSTRUMENT}", bukan ${JSON.stringify(input.instrument)}`);
  }
  const responses = input.responses;
  if (!Array.isArray(responses) || responses.length === 0) {
    add('responses', '"responses" must be a non-empty array', '"responses" harus berupa larik yang tidak kosong');
    return { ok: false, problems };
  }
  const answeredBy = new Map<string, number>(SKM_ELEMENTS.map((e) => [e, 0]));
  responses.forEach((response, i) => {
    if (!isRecord(response)) {
      add(`responses[${i}]`, 'each response must be an object of elements u1…u9', 'setiap respons harus berupa objek unsur u1…u9');
      return;
    }
    for (const [element, value] of Object.entries(response)) {
      const code = `responses[${i}].${element}`;
      if (!ELEMENT_SET.has(element)) {
        add(code, `unknown element "${element}" (elements are u1…u9)`, `unsur "${element}" tidak dikenal (unsur adalah u1…u9)`);
      } else if (value === null) {
        // Not answered: left out of this element's average.
      } else if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 4) {
        add(code, `answer must be an integer from 1 to 4, got ${JSON.stringify(value)}`, `jawaban harus bilangan bulat 1 sampai 4, bukan ${JSON.stringify(value)}`);
      } else {
        answeredBy.set(element, (answeredBy.get(element) ?? 0) + 1);
      }
    }
  });
  for (const [element, count] of answeredBy) {
    if (count === 0) add(element, `element ${element} was answered by nobody`, `unsur ${element} tidak dijawab oleh siapa pun`);
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { instrument: SKM_INSTRUMENT, responses: responses as SkmResponse[] } };
}

/**
 * Grade from the converted IKM (PermenPANRB 14/2017, table of perception values):
 * A 88.31–100 Sangat Baik; B 76.61–88.30 Baik; C 65.00–76.60 Kurang Baik; D 25.00–64.99 Tidak Baik.
 */
export function skmGrade(ikmConverted: number): Pick<SkmResult, 'grade' | 'performance'> {
  if (ikmConverted >= 88.31) return { grade: 'A', performance: 'Sangat Baik' };
  if (ikmConverted >= 76.61) return { grade: 'B', performance: 'Baik' };
  if (ikmConverted >= 65) return { grade: 'C', performance: 'Kurang Baik' };
  return { grade: 'D', performance: 'Tidak Baik' };
}

/**
 * Computes NRR per element (sum ÷ responses that answered it, reported to 3 decimals), IKM =
 * Σ NRR × 1/9 with the exact weight (not the regulation's rounded 0.11; domain section (e)),
 * reported to 3 decimals, and IKM × 25 from the unrounded IKM to 2 decimals, which gives the grade.
 */
export function computeSkm(input: SkmInput): SkmResult {
  const nrr = {} as Record<SkmElement, number>;
  let sumNrr = 0;
  for (const element of SKM_ELEMENTS) {
    let sum = 0;
    let count = 0;
    for (const response of input.responses) {
      const v = response[element];
      if (typeof v === 'number') {
        sum += v;
        count++;
      }
    }
    const mean = sum / count;
    sumNrr += mean;
    nrr[element] = roundHalfAwayFromZero(mean, 3);
  }
  // Σ NRR ÷ 9 is Σ (NRR × 1/9) without the error of multiplying by a rounded 1/9.
  const ikmExact = sumNrr / SKM_ELEMENTS.length;
  const ikmConverted = roundHalfAwayFromZero(ikmExact * 25, 2);
  return {
    respondents: input.responses.length,
    nrr,
    ikm: roundHalfAwayFromZero(ikmExact, 3),
    ikmConverted,
    ...skmGrade(ikmConverted),
  };
}

/**
 * Krejcie–Morgan sample size: S = χ²·N·P(1−P) ÷ (d²(N−1) + χ²·P(1−P)) with χ² = 3.841, P = 0.5,
 * d = 0.05, rounded to the nearest whole respondent (reproduces 10→10, 100→80, 1000→278,
 * 1,000,000→384 of the published table used by PermenPANRB 14/2017).
 * @throws RangeError unless `population` is a positive integer.
 */
export function krejcieMorganSampleSize(population: number): number {
  if (!Number.isSafeInteger(population) || population < 1) {
    throw new RangeError(`population must be a positive integer, got ${population}`);
  }
  const chi2 = 3.841;
  const p = 0.5;
  const d = 0.05;
  const s = (chi2 * population * p * (1 - p)) / (d * d * (population - 1) + chi2 * p * (1 - p));
  return roundHalfAwayFromZero(s, 0);
}
