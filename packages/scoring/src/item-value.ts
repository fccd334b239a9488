/**
 * The value in [0, 1] of one answered item — the one place where answers become numbers
 * (PermenPANRB 90/2021 Lampiran III; contract shared/contracts/scoring-cli.md "Scoring").
 */
import type { AnswerValue } from './answers.ts';
import type { CompiledItem } from './compile.ts';
import type { Counts } from './formula.ts';

/** Clamps a percentage to [0, 1]: above 100% counts as 100%, a negative reduction as 0. */
export function clampUnit(x: number): number {
  return x > 1 ? 1 : x >= 0 ? x : 0; // NaN also ends at 0
}

/**
 * Value of an answer of a validated answer set:
 * Ya 1 / Tidak 0; the k-th of n letters (n − k) ÷ (n − 1) exact; a ratio from its count formula
 * clamped to [0, 1]; a survey index ÷ its maximum (IPAK/IPKP ÷ 4); a percent ÷ 100.
 * @throws TypeError when the answer does not fit the item (the set was not validated).
 */
export function itemValue(item: CompiledItem, answer: AnswerValue): number {
  switch (item.kind) {
    case 'yesno':
      if (answer === 'ya') return 1;
      if (answer === 'tidak') return 0;
      break;
    case 'options': {
      const v = typeof answer === 'string' ? item.letterValues[answer] : undefined;
      if (v !== undefined) return v;
      break;
    }
    case 'ratio':
      if (typeof answer === 'object' && answer !== null) return clampUnit((item.formula as (c: Counts) => number)(answer));
      break;
    case 'index':
      if (typeof answer === 'number') return clampUnit(answer / item.max);
      break;
    case 'percent':
      if (typeof answer === 'number') return clampUnit(answer / 100);
      break;
  }
  throw new TypeError(`answer ${JSON.stringify(answer)} does not fit item ${item.code} (${item.kind}); validate the answer set first`);
}
