/**
 * Test helpers: the repository's LKE files and fixtures, read with node:fs and the `yaml`
 * package (the engine itself never does I/O), plus generic answer-set builders.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import type { AnswerSet, AnswerValue, CompiledItem, CompiledLke } from '../src/index.ts';
import { compileLke, parseLke } from '../src/index.ts';
import { fullRatioCounts } from '../src/better-answers.ts';

export const REPO_DIR = fileURLToPath(new URL('../../../', import.meta.url));
export const LKE_DIR = join(REPO_DIR, 'lke');
/** The contract examples beside the repository (shared/contracts/examples), when present. */
export const SHARED_EXAMPLES_DIR = join(REPO_DIR, '..', 'shared', 'contracts', 'examples');

/** The raw data of lke/<instrument>/v<version>.yaml. */
export function readLkeData(instrument: string, version = 1): unknown {
  return parseYaml(readFileSync(join(LKE_DIR, instrument, `v${version}.yaml`), 'utf8'));
}

const compiled = new Map<string, CompiledLke>();
/** Parsed and compiled LKE version (cached per test file). */
export function loadLke(instrument = 'zi-2021', version = 1): CompiledLke {
  const key = `${instrument}@${version}`;
  let lke = compiled.get(key);
  if (!lke) {
    lke = compileLke(parseLke(readLkeData(instrument, version)));
    compiled.set(key, lke);
  }
  return lke;
}

export function readJson<T = unknown>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** One fixture: lke/<instrument>/fixtures/<name>.answers.json + <name>.expected.json. */
export interface Fixture {
  instrument: string;
  name: string;
  answers: { instrument: string; version?: number; holds?: string; answers: Record<string, unknown> };
  expected: Record<string, unknown>;
}

/** Every fixture of every instrument. */
export function listFixtures(): Fixture[] {
  const out: Fixture[] = [];
  for (const instrument of readdirSync(LKE_DIR)) {
    const dir = join(LKE_DIR, instrument, 'fixtures');
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.answers.json')).sort()) {
      const name = file.replace(/\.answers\.json$/, '');
      out.push({
        instrument,
        name,
        answers: readJson(join(dir, file)),
        expected: readJson(join(dir, `${name}.expected.json`)),
      });
    }
  }
  return out;
}

/** The best answer of an item (value 1): Ya, A, counts at 100%, the top of a scale. */
export function bestAnswer(item: CompiledItem): AnswerValue {
  switch (item.kind) {
    case 'yesno':
      return 'ya';
    case 'options':
      return item.letters[0];
    case 'ratio':
      return fullRatioCounts(item, undefined) as AnswerValue;
    case 'index':
      return item.max;
    case 'percent':
      return 100;
  }
}

/** The worst answer of an item (value 0). */
export function worstAnswer(item: CompiledItem): AnswerValue {
  switch (item.kind) {
    case 'yesno':
      return 'tidak';
    case 'options':
      return item.letters[item.letters.length - 1];
    case 'ratio': {
      // Largest denominator-like count with nothing achieved: try each count at 1, others 0.
      const spec = item.item.answer.type === 'ratio' ? item.item.answer.counts : [];
      for (const c of spec) {
        const counts: Record<string, number> = {};
        for (const other of spec) if (other.required || other.scored) counts[other.name] = other.name === c.name ? 1 : 0;
        if ((item.formula as (k: Record<string, number>) => number)(counts) <= 0) return counts;
      }
      throw new Error(`no zero-valued counts for ${item.code}`);
    }
    case 'index':
      return item.min;
    case 'percent':
      return 0;
  }
}

/** An answer set with every item at its best. */
export function allBest(lke: CompiledLke, holds?: string): AnswerSet {
  const answers: Record<string, AnswerValue> = {};
  for (const item of lke.items) answers[item.code] = bestAnswer(item);
  return { instrument: lke.instrument, ...(holds ? { holds } : {}), answers };
}

/** Sorts object keys recursively so that reports compare regardless of key order. */
export function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

/** A contract report with failure lists sorted (the contract compares failures as sets). */
export function normalizeReport(report: unknown): unknown {
  const copy = structuredClone(report) as { predicates?: Record<string, { failures: string[] }> };
  for (const p of Object.values(copy.predicates ?? {})) p.failures = [...p.failures].sort();
  return canonical(copy);
}
