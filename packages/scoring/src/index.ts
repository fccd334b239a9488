/**
 * @zona/scoring — the one scoring engine of Zona, used by the server, the browser and the CLI.
 * Pure: zod is its only dependency; no I/O, no clock, no randomness.
 *
 * Typical use:
 *   const lke = compileLke(parseLke(yamlData));
 *   const checked = validateAnswers(lke, input);
 *   if (checked.ok) toContractReport(score(lke, checked.value));
 */
export { ENGINE_VERSION } from './version.ts';
export * from './schema.ts';
export { LkeFormatError, type LkeProblem } from './errors.ts';
export { parseLke } from './parse.ts';
export {
  compileLke,
  type CompiledArea,
  type CompiledComponent,
  type CompiledItem,
  type CompiledLke,
  type CompiledPredicate,
  type CompiledRule,
  type CompiledSubarea,
  type ItemKind,
  type TargetRef,
} from './compile.ts';
export { compileExpr, collectCountRefs, renderExpr, type Counts, type CountsFn } from './formula.ts';
export { roundHalfAwayFromZero } from './rounding.ts';
export {
  validateAnswers,
  type AnswerProblem,
  type AnswerSet,
  type AnswerValue,
  type RatioCounts,
  type ValidationResult,
} from './answers.ts';
export type { AnswerProblemKind } from './messages.ts';
export { clampUnit, itemValue } from './item-value.ts';
export { score } from './score.ts';
export type {
  AreaScore,
  AspectScore,
  ComponentScore,
  ItemScore,
  PredicateResult,
  RuleResult,
  ScoreNode,
  ScoreReport,
  SubareaScore,
} from './report.ts';
export { toContractReport, type ContractArea, type ContractReport } from './contract-report.ts';
export { explain, type ExplainInput, type ExplainStep, type ExplainTarget, type Explanation } from './explain.ts';
export {
  simulate,
  type ItemImprovement,
  type OptionGain,
  type PathStep,
  type PredicateSimulation,
  type RuleGap,
  type Simulation,
} from './simulate.ts';
export {
  computeSkm,
  krejcieMorganSampleSize,
  SKM_ELEMENTS,
  SKM_INSTRUMENT,
  skmGrade,
  validateSkm,
  type SkmElement,
  type SkmInput,
  type SkmProblem,
  type SkmResponse,
  type SkmResult,
} from './skm.ts';
