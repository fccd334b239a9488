/**
 * The answers that would raise one item's value: the options above the current one, Ya instead
 * of Tidak, counts that make a percentage reach 100%, the top of a survey or percent scale.
 * Used by the simulator; ordered best first.
 */
import type { AnswerValue, RatioCounts } from './answers.ts';
import type { CompiledItem } from './compile.ts';
import { itemValue } from './item-value.ts';

/** A better answer and the item value it gives. */
export interface Candidate {
  readonly answer: AnswerValue;
  readonly value: number;
}

/** Every answer worth more than `currentValue`, best first (empty when the item is at its best). */
export function betterAnswers(item: CompiledItem, current: AnswerValue | undefined, currentValue: number): Candidate[] {
  const out: Candidate[] = [];
  const push = (answer: AnswerValue | null) => {
    if (answer === null) return;
    const value = itemValue(item, answer);
    if (value > currentValue) out.push({ answer, value });
  };
  switch (item.kind) {
    case 'yesno':
      push('ya');
      break;
    case 'options':
      for (const letter of item.letters) push(letter);
      break;
    case 'ratio':
      push(fullRatioCounts(item, current as RatioCounts | undefined));
      break;
    case 'index':
      push(item.max);
      break;
    case 'percent':
      push(100);
      break;
  }
  return out;
}

/**
 * Counts that give a percentage item the value 1, as close to the current counts as possible:
 * first a single count raised to another count's value (more changes, more filings — what a
 * unit can actually do), then a single count lowered (fewer violations this year), starting
 * from the current counts, then from them with zero counts raised to 1, then all-ones, all-zeros. Found by trying the
 * item's own formula, so it works for any formula the document declares; null if none works.
 */
export function fullRatioCounts(item: CompiledItem, current: RatioCounts | undefined): RatioCounts | null {
  if (item.item.answer.type !== 'ratio') return null;
  const declared = item.item.answer.counts;
  const fill = (v: number): Record<string, number> => {
    const counts: Record<string, number> = {};
    for (const c of declared) if (c.required || c.scored) counts[c.name] = v;
    return counts;
  };
  const scored = declared.filter((c) => c.scored).map((c) => c.name);
  const bases: Record<string, number>[] = [fill(1), fill(0)];
  if (current) {
    const now = { ...fill(0), ...current };
    // Counts that are all zero (nothing registered yet) cannot be fixed by copying another count.
    const raised = { ...now };
    for (const name of scored) if (raised[name] === 0) raised[name] = 1;
    bases.unshift(now, raised);
  }
  const isFull = (counts: RatioCounts) => itemValue(item, counts) === 1;
  for (const base of bases) {
    if (isFull(base)) return base;
    for (const direction of ['up', 'down'] as const) {
      for (const name of scored) {
        const targets = new Set<number>(direction === 'down' ? [0] : []);
        for (const other of scored) if (other !== name) targets.add(base[other] ?? 0);
        for (const v of targets) {
          const moves = direction === 'up' ? v > (base[name] ?? 0) : v < (base[name] ?? 0);
          if (!moves) continue;
          const trial = { ...base, [name]: v };
          if (isFull(trial)) return trial;
        }
      }
    }
  }
  return null;
}
