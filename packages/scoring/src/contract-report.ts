/**
 * The public JSON report of `zona score` (shared/contracts/scoring-cli.md "Output"), derived from
 * the full report generically: component roles give pengungkit/hasil, the pengungkit areas and
 * sub-areas fill `areas`/`subareas`, the hasil areas fill `results`.
 */
import type { ScoreReport } from './report.ts';

/** One pengungkit area in the contract report. */
export interface ContractArea {
  score: number;
  weight: number;
  pemenuhan?: number;
  reform?: number;
}

/** Exactly the contract's output shape (fields may only be added, never changed). */
export interface ContractReport {
  instrument: string;
  total: number;
  pengungkit: number;
  hasil: number;
  areas: Record<string, ContractArea>;
  subareas: Record<string, number>;
  results: Record<string, number>;
  completeness: { answered: number; total: number };
  predicates: Record<string, { eligible: boolean; failures: string[] }>;
}

/**
 * Converts a full report to the contract shape. `results` lists each hasil area and, where a
 * hasil area has more than one sub-area, those sub-areas too (for zi-2021: B.I, B.I.a, B.I.b,
 * B.II — B.II.a is B.II's only sub-area and would repeat it).
 */
export function toContractReport(report: ScoreReport): ContractReport {
  const roleOf = new Map(report.components.map((c) => [c.code, c.role] as const));
  const areaRole = new Map(report.areas.map((a) => [a.code, roleOf.get(a.component)] as const));
  const subareaCount = new Map<string, number>();
  for (const s of report.subareas) subareaCount.set(s.area, (subareaCount.get(s.area) ?? 0) + 1);

  const areas: Record<string, ContractArea> = {};
  const results: Record<string, number> = {};
  for (const area of report.areas) {
    if (areaRole.get(area.code) === 'pengungkit') {
      const entry: ContractArea = { score: area.score, weight: area.weight };
      if (area.pemenuhan) entry.pemenuhan = area.pemenuhan.score;
      if (area.reform) entry.reform = area.reform.score;
      areas[area.code] = entry;
    } else {
      results[area.code] = area.score;
      if ((subareaCount.get(area.code) ?? 0) > 1) {
        for (const s of report.subareas) if (s.area === area.code) results[s.code] = s.score;
      }
    }
  }
  // Pemenuhan sub-areas first, then reform, as the LKE prints them (A.I.* before A.II.*).
  const subareas: Record<string, number> = {};
  for (const aspect of ['pemenuhan', 'reform', null] as const) {
    for (const s of report.subareas) {
      if (s.aspect === aspect && areaRole.get(s.area) === 'pengungkit') subareas[s.code] = s.score;
    }
  }
  const componentScore = (role: string) => report.components.find((c) => c.role === role)?.score ?? 0;
  const predicates: ContractReport['predicates'] = {};
  for (const p of report.predicates) predicates[p.code] = { eligible: p.eligible, failures: [...p.failures] };
  return {
    instrument: report.instrument,
    total: report.total.score,
    pengungkit: componentScore('pengungkit'),
    hasil: componentScore('hasil'),
    areas,
    subareas,
    results,
    completeness: { answered: report.completeness.answered, total: report.completeness.total },
    predicates,
  };
}
