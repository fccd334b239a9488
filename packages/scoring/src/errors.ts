/** One problem found in an LKE document: where it is, which code it concerns, and what is wrong. */
export interface LkeProblem {
  /** Dotted path inside the document, e.g. `components.0.areas.2.weight`. */
  path: string;
  /** The nearest item / sub-area / area / component / predicate code, when there is one. */
  code?: string;
  message: string;
}

/**
 * Thrown by `parseLke` when a document does not match the LKE format or breaks one of its
 * semantic rules. Lists every problem at once so the author can fix the file in one pass.
 */
export class LkeFormatError extends Error {
  readonly problems: readonly LkeProblem[];

  constructor(problems: readonly LkeProblem[], source?: string) {
    const where = source ? ` ${source}` : '';
    const lines = problems.map((p) => `  - ${p.path}${p.code ? ` (${p.code})` : ''}: ${p.message}`);
    super(`Invalid LKE document${where} (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${lines.join('\n')}`);
    this.name = 'LkeFormatError';
    this.problems = problems;
  }
}
