import { describe, expect, it } from 'vitest';
import { validateAnswers } from '../src/index.ts';
import { allBest, loadLke } from './lke-files.ts';

const lke = loadLke('zi-2021');

function problems(input: unknown) {
  const result = validateAnswers(lke, input);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

describe('validateAnswers', () => {
  it('accepts a complete valid answer set and returns it normalised', () => {
    const input = { ...allBest(lke, 'WBK'), version: 1 };
    const result = validateAnswers(lke, input);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(Object.keys(result.value.answers)).toHaveLength(113);
      expect(result.value.holds).toBe('WBK');
      expect(result.value.version).toBe(1);
    }
  });

  it('treats null answers and null optional counts as not given', () => {
    const result = validateAnswers(lke, {
      instrument: 'zi-2021',
      holds: null,
      answers: { 'A.I.1.i.a': null, 'A.II.5.ii.a': { toFollowUp: 3, inProcess: null, completed: 2 } },
    });
    expect(result.ok && result.value).toEqual({ instrument: 'zi-2021', answers: { 'A.II.5.ii.a': { toFollowUp: 3, completed: 2 } } });
  });

  it('lists every problem of a bad answer set, naming each offending code', () => {
    const list = problems({
      instrument: 'zi-2014',
      holds: 'wbk',
      extra: true,
      version: 3,
      answers: {
        'A.I.1.i.a': 'Ya',
        'A.I.1.i.b': 'D',
        'A.I.1.ii.b': 'a',
        'A.I.1.iv.a': true,
        'A.II.1.i.a': { agents: -1, changes: 2.5 },
        'A.II.1.i.b': { changes: 3, integrated: '2', merged: 1 },
        'A.II.3.iii.a': { thisYear: 1 },
        'A.II.4.i.a': 7,
        'B.I.a': 4.01,
        'B.II.a': '3.5',
        'A.II.1.i.a.n1': 4,
        'X.1': 'ya',
      },
    });
    const byCode = (code: string) => list.filter((p) => p.code === code).map((p) => p.kind);
    expect(byCode('instrument')).toEqual(['instrument']);
    expect(byCode('holds')).toEqual(['holds']);
    expect(byCode('extra')).toEqual(['unknown-field']);
    expect(byCode('version')).toEqual(['version']);
    expect(byCode('A.I.1.i.a')).toEqual(['yesno']);
    expect(byCode('A.I.1.i.b')).toEqual(['letter']);
    expect(byCode('A.I.1.ii.b')).toEqual(['letter']);
    expect(byCode('A.I.1.iv.a')).toEqual(['yesno']);
    expect(byCode('A.II.1.i.a')).toEqual(['count-value', 'count-value']);
    expect(byCode('A.II.1.i.b')).toEqual(['count-value', 'unknown-count']);
    expect(byCode('A.II.3.iii.a')).toEqual(['missing-count']);
    expect(byCode('A.II.4.i.a')).toEqual(['counts-object']);
    expect(byCode('B.I.a')).toEqual(['index']);
    expect(byCode('B.II.a')).toEqual(['index']);
    expect(byCode('A.II.1.i.a.n1')).toEqual(['count-row-key']);
    expect(byCode('X.1')).toEqual(['unknown-item']);
    expect(list).toHaveLength(18);
    for (const p of list) {
      expect(p.message.length).toBeGreaterThan(5);
      expect(p.messageId.length).toBeGreaterThan(5);
      expect(p.messageId).not.toBe(p.message);
    }
    const letter = list.find((p) => p.code === 'A.I.1.i.b');
    expect(letter?.message).toBe('letter "D" is not one of this item\'s options (A/B/C)');
    expect(letter?.messageId).toBe('huruf "D" bukan pilihan jawaban butir ini (A/B/C)');
    expect(list.find((p) => p.code === 'A.II.3.iii.a')?.path).toBe('answers.A.II.3.iii.a.lastYear');
  });

  it('rejects a survey index outside 0–4 on either side and accepts the bounds', () => {
    expect(problems({ instrument: 'zi-2021', answers: { 'B.I.a': -0.01 } })[0].kind).toBe('index');
    expect(validateAnswers(lke, { instrument: 'zi-2021', answers: { 'B.I.a': 0, 'B.II.a': 4 } }).ok).toBe(true);
  });

  it('rejects input that is not an answer-set object', () => {
    for (const input of [null, 'x', 3, []]) expect(problems(input).map((p) => p.kind)).toEqual(['not-object']);
    expect(problems({ instrument: 'zi-2021' }).map((p) => p.kind)).toEqual(['answers']);
    expect(problems({ answers: {} }).map((p) => [p.code, p.message])).toEqual([['instrument', 'wrong instrument: expected "zi-2021", got nothing']]);
  });

  it('validates percent answers of the 2014 instrument', () => {
    const lke14 = loadLke('zi-2014');
    expect(validateAnswers(lke14, { instrument: 'zi-2014', answers: { 'B.I.2': 100 } }).ok).toBe(true);
    const result = validateAnswers(lke14, { instrument: 'zi-2014', answers: { 'B.I.2': 100.5 } });
    expect(!result.ok && result.problems.map((p) => p.kind)).toEqual(['percent']);
  });
});
