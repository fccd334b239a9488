import { describe, expect, it } from 'vitest';
import { compileLke, LkeFormatError, parseLke } from '../src/index.ts';
import { readLkeData } from './lke-files.ts';

// biome-ignore lint/suspicious/noExplicitAny: tests mutate raw YAML data freely.
type Raw = any;
const raw = (): Raw => structuredClone(readLkeData('zi-2021'));

function problemsOf(doc: unknown) {
  try {
    parseLke(doc);
  } catch (err) {
    expect(err).toBeInstanceOf(LkeFormatError);
    return (err as LkeFormatError).problems;
  }
  throw new Error('parseLke accepted an invalid document');
}

describe('parseLke', () => {
  it('accepts the repository LKE versions', () => {
    expect(compileLke(parseLke(readLkeData('zi-2021'))).items).toHaveLength(113);
    expect(compileLke(parseLke(readLkeData('zi-2021'))).subareas.filter((s) => s.aspect)).toHaveLength(42);
    expect(parseLke(readLkeData('zi-2014')).bestEffort).toBe(true);
  });

  it('reports format errors with their path and the nearest code', () => {
    const doc = raw();
    delete doc.instrument;
    doc.components[0].areas[0].subareas[0].items[0].answer = { type: 'maybe' };
    doc.components[0].areas[0].weight = 'eight';
    const problems = problemsOf(doc);
    expect(problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(['instrument', 'components.0.areas.0.weight', 'components.0.areas.0.subareas.0.items.0.answer.type']),
    );
    expect(problems.find((p) => p.path.endsWith('answer.type'))?.code).toBe('A.I.1.i.a');
    expect(problems.find((p) => p.path === 'components.0.areas.0.weight')?.code).toBe('1');
  });

  it('lists every semantic problem at once', () => {
    const doc = raw();
    const area1 = doc.components[0].areas[0];
    // duplicate item code
    area1.subareas[0].items[1].code = 'A.I.1.i.a';
    // sub-area weights no longer add up to the area weight (Tabel 3)
    area1.subareas[1].weight = 1.5;
    // option letters out of order
    const options = area1.subareas[1].items[1].answer.options;
    [options[1].letter, options[2].letter] = [options[2].letter, options[1].letter];
    // formula reads an undeclared count, and a declared scored count goes unused
    const ratio = area1.subareas.find((s: Raw) => s.code === 'A.II.1.i').items[0].answer;
    ratio.formula = { div: [{ count: 'changez' }, { count: 'agents' }], onZero: { const: 0 } };
    // a predicate rule with an unknown target, a minimum inconsistent with its percentage
    doc.predicates[0].rules[2].target = 'area-one';
    doc.predicates[1].rules[3].min = 5.2;
    doc.predicates[1].requiresHeld.anyOf = ['WBX'];
    // an aspect outside the pengungkit component
    doc.components[1].areas[0].subareas[0].aspect = 'reform';
    const problems = problemsOf(doc);
    const text = problems.map((p) => `${p.code}: ${p.message}`).join('\n');
    expect(text).toContain('A.I.1.i.a: duplicate item code');
    expect(text).toMatch(/1: sub-area weights add up to 8\.5, area weight is 8/);
    expect(text).toContain('A.I.1.ii.b: option 2 must be "B", found "C"');
    expect(text).toContain('A.II.1.i.a: formula reads count "changez" which the item does not declare');
    expect(text).toContain('A.II.1.i.a: count "changes" is declared as scored but the formula does not use it');
    expect(text).toContain('area:1: rule target "area-one" is not total');
    expect(text).toContain('area:2: minimum 5.2 is not 75% of the weight 7');
    expect(text).toContain('WBBM: requires unknown predicate "WBX"');
    expect(text).toContain('B.I.a: aspect "reform" is only allowed in the pengungkit component');
    expect(problems.length).toBeGreaterThanOrEqual(9);
  });

  it('puts every problem in the error message with its path', () => {
    const doc = raw();
    doc.components[0].weight = 61;
    doc.components[1].areas[1].subareas[0].items[0].answer.min = 5;
    expect(() => parseLke(doc)).toThrow(/components\.0\.weight \(A\): area weights add up to 60, component weight is 61/);
    const problems = problemsOf(doc);
    expect(problems.map((p) => p.path)).toContain('components');
    expect(problems.some((p) => p.code === 'B.II.a')).toBe(true);
  });

  it('rejects duplicated count rows and ambiguous target names', () => {
    const doc = raw();
    const subareas = doc.components[0].areas[0].subareas;
    const a = subareas.find((s: Raw) => s.code === 'A.II.1.i');
    a.items[1].answer.counts[0].row = a.items[0].answer.counts[0].row;
    doc.components[0].areas[1].code = 'A.I.1.i'; // an area named like a sub-area
    const text = problemsOf(doc)
      .map((p) => p.message)
      .join('\n');
    expect(text).toContain('duplicate row code "A.II.1.i.a.n1"');
    expect(text).toContain('target name "A.I.1.i" names both the subarea and the area');
  });
});
