import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { score, toContractReport, validateAnswers } from '../src/index.ts';
import { LKE_DIR, listFixtures, loadLke, normalizeReport, readLkeData, SHARED_EXAMPLES_DIR } from './lke-files.ts';
import { referenceReport } from './reference-score.ts';

const fixtures = listFixtures();

describe('LKE fixtures (lke/*/fixtures)', () => {
  it('exist for every instrument and cover the required cases', () => {
    const names = fixtures.map((f) => `${f.instrument}/${f.name}`);
    expect(names).toEqual(
      expect.arrayContaining([
        'zi-2021/contract-all-best',
        'zi-2021/contract-mixed',
        'zi-2021/empty',
        'zi-2021/ratio-zero-denominators',
        'zi-2021/ratio-clamped',
        'zi-2021/wbk-not-wbbm',
        'zi-2021/fail-total',
        'zi-2021/fail-pengungkit',
        'zi-2021/fail-areas',
        'zi-2021/fail-hasil',
        'zi-2021/fail-prior-wbk',
        'zi-2014/all-best',
        'zi-2014/empty',
      ]),
    );
  });

  it('together provoke every failure id of every predicate', () => {
    for (const instrument of new Set(fixtures.map((f) => f.instrument))) {
      const lke = loadLke(instrument);
      const seen = new Set<string>();
      for (const f of fixtures.filter((x) => x.instrument === instrument)) {
        const predicates = f.expected.predicates as Record<string, { failures: string[] }>;
        for (const [code, p] of Object.entries(predicates)) for (const id of p.failures) seen.add(`${code}:${id}`);
      }
      for (const p of lke.predicates) {
        const ids = [...p.rules.map((r) => r.rule.id), ...(p.predicate.requiresHeld ? [p.predicate.requiresHeld.failureId] : [])];
        for (const id of ids) expect(seen, `${instrument} ${p.code}:${id}`).toContain(`${p.code}:${id}`);
      }
    }
  });

  describe.each(fixtures.map((f) => [`${f.instrument}/${f.name}`, f] as const))('%s', (_, f) => {
    const lke = loadLke(f.instrument, f.answers.version ?? 1);

    it('the engine reproduces the expected report to the cent', () => {
      const checked = validateAnswers(lke, f.answers);
      if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
      expect(normalizeReport(toContractReport(score(lke, checked.value)))).toEqual(normalizeReport(f.expected));
    });

    it('the independent exact-rational reference reproduces it too', () => {
      // biome-ignore lint/suspicious/noExplicitAny: raw YAML data.
      const reference = referenceReport(readLkeData(f.instrument, f.answers.version ?? 1) as any, f.answers);
      expect(normalizeReport(reference)).toEqual(normalizeReport(f.expected));
    });
  });
});

describe('contract examples', () => {
  for (const name of ['all-best', 'mixed']) {
    it.runIf(existsSync(SHARED_EXAMPLES_DIR))(`the fixture copy of ${name} is the shared contract example, byte for byte`, () => {
      for (const suffix of ['.json', '.expected.json']) {
        const shared = readFileSync(join(SHARED_EXAMPLES_DIR, `${name}${suffix}`), 'utf8');
        const copy = readFileSync(join(LKE_DIR, 'zi-2021', 'fixtures', `contract-${name}${suffix === '.json' ? '.answers.json' : suffix}`), 'utf8');
        expect(copy).toBe(shared);
      }
    });
  }

  it('mixed: the numbers of the contract, computed through the library', () => {
    const f = fixtures.find((x) => x.name === 'contract-mixed');
    const lke = loadLke();
    const checked = validateAnswers(lke, f?.answers);
    if (!checked.ok) throw new Error('invalid');
    const report = toContractReport(score(lke, checked.value));
    expect(report).toMatchObject({ total: 87.55, pengungkit: 50.64, hasil: 36.91, completeness: { answered: 110, total: 113 } });
    expect(report.results).toEqual({ 'B.I': 21.03, 'B.I.a': 17.28, 'B.I.b': 3.75, 'B.II': 15.88 });
    expect(new Set(report.predicates.WBBM.failures)).toEqual(new Set(['area:4', 'prior-wbk']));
  });
});
