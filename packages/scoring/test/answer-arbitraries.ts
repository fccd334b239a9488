/**
 * fast-check generators of zi-2021 answer sets, and of a strictly-not-worse change to one answer
 * written from the contract's meaning of each answer type (not from the engine's simulator).
 */
import fc from 'fast-check';
import type { AnswerValue, CompiledItem, CompiledLke } from '../src/index.ts';

type Answers = Record<string, AnswerValue>;

/** Which count raises a percentage item (its numerator), or lowers it (`down`), per the contract table. */
const IMPROVING_COUNT: Record<string, { name: string; direction: 'up' | 'down' }> = {
  'A.II.1.i.a': { name: 'changes', direction: 'up' },
  'A.II.1.i.b': { name: 'integrated', direction: 'up' },
  'A.II.3.iii.a': { name: 'thisYear', direction: 'down' },
  'A.II.4.i.a': { name: 'achieved', direction: 'up' },
  'A.II.5.ii.a': { name: 'completed', direction: 'up' },
  'A.II.5.iii.a': { name: 'submitted', direction: 'up' },
  'A.II.5.iii.b': { name: 'submitted', direction: 'up' },
  'A.II.6.i.b': { name: 'simplified', direction: 'up' },
};

function countsArb(item: CompiledItem): fc.Arbitrary<AnswerValue> {
  const spec = item.item.answer.type === 'ratio' ? item.item.answer.counts : [];
  const parts: Record<string, fc.Arbitrary<number | undefined>> = {};
  for (const c of spec) {
    const n = fc.integer({ min: 0, max: 40 });
    parts[c.name] = c.required ? n : fc.option(n, { nil: undefined });
  }
  return fc.record(parts).map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)) as AnswerValue);
}

/** A valid answer for one item. */
export function answerArb(item: CompiledItem): fc.Arbitrary<AnswerValue> {
  switch (item.kind) {
    case 'yesno':
      return fc.constantFrom('ya', 'tidak');
    case 'options':
      return fc.constantFrom(...item.letters);
    case 'ratio':
      return countsArb(item);
    case 'index':
      return fc.integer({ min: 0, max: 400 }).map((x) => x / 100);
    case 'percent':
      return fc.integer({ min: 0, max: 100 });
  }
}

/** A valid answer set (each item answered or not). */
export function answersArb(lke: CompiledLke): fc.Arbitrary<Answers> {
  return fc.tuple(...lke.items.map((item) => fc.option(answerArb(item), { nil: undefined, freq: 4 }))).map((values) => {
    const answers: Answers = {};
    values.forEach((v, i) => {
      if (v !== undefined) answers[lke.items[i].code] = v;
    });
    return answers;
  });
}

/** A best answer for one item, in any of its forms (counts at or above 100 %, etc.). */
export function bestAnswerArb(item: CompiledItem): fc.Arbitrary<AnswerValue> {
  switch (item.kind) {
    case 'yesno':
      return fc.constant('ya');
    case 'options':
      return fc.constant(item.letters[0]);
    case 'index':
      return fc.constant(item.max);
    case 'percent':
      return fc.constant(100);
    case 'ratio':
      return fc.tuple(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: 5 })).map(([base, extra]) => {
        const { name, direction } = IMPROVING_COUNT[item.code];
        const counts: Record<string, number> = {};
        for (const c of item.item.answer.type === 'ratio' ? item.item.answer.counts : []) counts[c.name] = base;
        counts[name] = direction === 'up' ? base + extra : 0;
        return counts;
      });
  }
}

/**
 * Given the current answer (or none), an answer that is at least as good by the contract:
 * any answer for an unanswered item, Ya for Tidak, an earlier letter, a larger numerator (or
 * fewer violations this year), a higher survey index or percentage.
 */
export function improvementArb(item: CompiledItem, current: AnswerValue | undefined): fc.Arbitrary<AnswerValue> {
  if (current === undefined) return answerArb(item);
  switch (item.kind) {
    case 'yesno':
      return fc.constant('ya');
    case 'options': {
      const k = item.letters.indexOf(current as string);
      return fc.constantFrom(...item.letters.slice(0, k + 1));
    }
    case 'index':
    case 'percent':
      return fc.integer({ min: Math.round((current as number) * 100), max: item.max * 100 }).map((x) => x / 100);
    case 'ratio': {
      const { name, direction } = IMPROVING_COUNT[item.code];
      const counts = current as Record<string, number>;
      const now = counts[name] ?? 0;
      const next = direction === 'up' ? fc.integer({ min: now, max: now + 40 }) : fc.integer({ min: 0, max: now });
      return next.map((v) => ({ ...counts, [name]: v }));
    }
  }
}
