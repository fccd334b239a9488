/**
 * The full score report produced by `score`. Every aggregate carries its full-precision value
 * (`exact`) and the number a reviewer sees (`score`, rounded per the document's policy);
 * thresholds are judged on `score`.
 */

/** Item value in [0, 1] (full precision) and whether it was answered. */
export interface ItemScore {
  readonly code: string;
  readonly answered: boolean;
  readonly value: number;
}

/** Common shape of every aggregate. */
export interface ScoreNode {
  readonly code: string;
  readonly weight: number;
  /** Full precision. */
  readonly exact: number;
  /** Rounded (2 decimals, half away from zero): what is reported and compared. */
  readonly score: number;
  /** Score ÷ weight × 100, rounded (the LKE "%" column). */
  readonly percent: number;
}

/** Sub-area = weight × mean of its item values (unanswered items count as 0). */
export interface SubareaScore extends ScoreNode {
  readonly area: string;
  readonly aspect: 'pemenuhan' | 'reform' | null;
  readonly answered: number;
  readonly items: number;
}

/** Sum of an area's sub-areas of one aspect. */
export interface AspectScore {
  readonly weight: number;
  readonly exact: number;
  readonly score: number;
}

/** Area = sum of its sub-areas (pemenuhan + reform). */
export interface AreaScore extends ScoreNode {
  readonly component: string;
  readonly pemenuhan: AspectScore | null;
  readonly reform: AspectScore | null;
}

/** Component (pengungkit / hasil) = sum of its areas. */
export interface ComponentScore extends ScoreNode {
  readonly role: 'pengungkit' | 'hasil';
}

/** One threshold rule evaluated on the rounded score of its target. */
export interface RuleResult {
  readonly id: string;
  readonly target: string;
  readonly min: number;
  /** The target's rounded score. */
  readonly value: number;
  readonly exact: number;
  readonly passed: boolean;
  /** min − value, rounded; 0 when passed. */
  readonly gap: number;
  readonly basis: string;
}

/** A predicate (WBK, WBBM) with every failing rule. */
export interface PredicateResult {
  readonly code: string;
  readonly eligible: boolean;
  /** Every failing rule id, rules in document order, then the prior-predicate requirement. */
  readonly failures: readonly string[];
  readonly rules: readonly RuleResult[];
  /** The prior-predicate requirement (e.g. WBBM needs WBK), when the predicate has one. */
  readonly requiresHeld: { readonly anyOf: readonly string[]; readonly failureId: string; readonly satisfied: boolean } | null;
}

/** The full report. Arrays are in document order (the same order as the compiled LKE). */
export interface ScoreReport {
  readonly instrument: string;
  readonly version: number;
  readonly engineVersion: string;
  readonly holds: string | null;
  readonly total: ScoreNode;
  readonly components: readonly ComponentScore[];
  readonly areas: readonly AreaScore[];
  readonly subareas: readonly SubareaScore[];
  readonly items: readonly ItemScore[];
  readonly completeness: { readonly answered: number; readonly total: number };
  readonly predicates: readonly PredicateResult[];
}
