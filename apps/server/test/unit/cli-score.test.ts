import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { REPO_LKE_DIR } from '../../src/lke/index.ts';
import { runCli } from './cli-io.ts';
import { copyLkeDir, useTempLkeDirEnv } from './lke-temp-dir.ts';

const REPO_DIR = join(REPO_LKE_DIR, '..');
const FIXTURES = join(REPO_LKE_DIR, 'zi-2021', 'fixtures');
const example = (name: string) => join(FIXTURES, `contract-${name}.answers.json`);
const expected = (name: string) => JSON.parse(readFileSync(join(FIXTURES, `contract-${name}.expected.json`), 'utf8'));

/** The contract compares `failures` as sets. */
function normalize(report: { predicates: Record<string, { failures: string[] }> }) {
  for (const p of Object.values(report.predicates)) p.failures.sort();
  return report;
}

const tempLkeDir = useTempLkeDirEnv();

const score = (args: string[], stdin = '') => runCli(['score', ...args], stdin);

describe('zona score (contract: shared/contracts/scoring-cli.md)', () => {
  it.each(['mixed', 'all-best'])('prints exactly the expected report for the %s example, exit 0', async (name) => {
    const r = await score([example(name)]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(normalize(JSON.parse(r.stdout))).toEqual(normalize(expected(name)));
    expect(r.stdout.trim().startsWith('{') && r.stdout.trim().endsWith('}')).toBe(true);
  });

  it('reads the answer set from standard input with "-"', async () => {
    const r = await score(['-'], readFileSync(example('mixed'), 'utf8'));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).total).toBe(87.55);
  });

  it('exits 2 with empty stdout and names every offending code on stderr', async () => {
    const input = {
      instrument: 'zi-2021',
      answers: {
        'A.I.1.i.a': 'maybe',
        'A.I.1.i.b': 'F',
        'A.II.1.i.a': { agents: -2, changes: 1.5 },
        'A.II.5.ii.a': { toFollowUp: 3, completed: 1, pending: 1 },
        'B.I.a': 4.2,
        'Q.9': 'ya',
      },
    };
    const r = await score(['-'], JSON.stringify(input));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toBe('zona score: invalid answer set (7 problems)');
    expect(lines.slice(1).map((l) => l.trim().split(':')[0])).toEqual([
      'A.I.1.i.a',
      'A.I.1.i.b',
      'A.II.1.i.a',
      'A.II.1.i.a',
      'A.II.5.ii.a',
      'B.I.a',
      'Q.9',
    ]);
    expect(r.stderr).toContain('A.I.1.i.b: letter "F" is not one of this item\'s options (A/B/C)');
    expect(r.stderr).toContain('A.II.1.i.a: count "agents" must be a non-negative integer, got -2');
    expect(r.stderr).toContain('A.II.5.ii.a: unknown count name "pending"');
    expect(r.stderr).toContain('B.I.a: survey index must be a number from 0 to 4, got 4.2');
    expect(r.stderr).toContain('Q.9: unknown item code');
  });

  it('exits 2 for a wrong or missing instrument', async () => {
    const wrong = await score(['-'], JSON.stringify({ instrument: 'zi-1999', answers: {} }));
    expect([wrong.code, wrong.stdout]).toEqual([2, '']);
    expect(wrong.stderr).toContain('instrument: unknown instrument "zi-1999"; known instruments: zi-2014, zi-2021');
    const missing = await score(['-'], JSON.stringify({ answers: {} }));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('instrument: missing or not a string');
  });

  it('exits 2 with a clear message for invalid JSON, an unreadable file, or no argument', async () => {
    const bad = await score(['-'], '{"instrument": "zi-2021", answers: }');
    expect([bad.code, bad.stdout]).toEqual([2, '']);
    expect(bad.stderr).toMatch(/^zona score: standard input is not valid JSON: /);
    const tmp = join(tempLkeDir(), 'broken.json');
    writeFileSync(tmp, '[1, 2');
    expect((await score([tmp])).stderr).toContain(`${tmp} is not valid JSON`);
    const none = await score([join(tempLkeDir(), 'nope.json')]);
    expect([none.code, none.stderr]).toEqual([2, `zona score: cannot read ${join(tempLkeDir(), 'nope.json')}: no such file\n`]);
    expect((await score(['-'], '  ')).stderr).toContain('standard input is empty');
    const usage = await score([]);
    expect([usage.code, usage.stdout]).toEqual([2, '']);
    expect(usage.stderr).toContain('usage: zona score FILE|-');
  });

  it('refuses to score when a published LKE file was changed (exit 1, nothing on stdout)', async () => {
    const { dir, cleanup: done } = await copyLkeDir();
    const saved = process.env.ZONA_LKE_DIR;
    try {
      writeFileSync(join(dir, 'zi-2021', 'v1.yaml'), `${readFileSync(join(dir, 'zi-2021', 'v1.yaml'), 'utf8')}# edit\n`);
      process.env.ZONA_LKE_DIR = dir;
      const r = await score([example('mixed')]);
      expect([r.code, r.stdout]).toEqual([1, '']);
      expect(r.stderr).toContain('zi-2021@1 has changed');
    } finally {
      process.env.ZONA_LKE_DIR = saved;
      done();
    }
  });

  it('the real binary (npx zona score) prints the mixed example report', async () => {
    const { stdout } = await promisify(execFile)('npx', ['--no', 'zona', 'score', example('mixed')], {
      cwd: REPO_DIR,
      env: { ...process.env, ZONA_LKE_DIR: tempLkeDir() },
    });
    expect(normalize(JSON.parse(stdout))).toEqual(normalize(expected('mixed')));
  }, 60_000);

  it('the real binary exits 2 with nothing on stdout for an invalid answer set', async () => {
    const child = promisify(execFile)(join(REPO_DIR, 'node_modules', '.bin', 'zona'), ['score', '-'], {
      cwd: REPO_DIR,
      env: { ...process.env, ZONA_LKE_DIR: tempLkeDir() },
    });
    child.child.stdin?.end(JSON.stringify({ instrument: 'zi-2021', answers: { 'A.I.1.i.b': 'Z' } }));
    const err = (await child.then(
      () => null,
      (e) => e,
    )) as { code: number; stdout: string; stderr: string };
    expect(err.code).toBe(2);
    expect(err.stdout).toBe('');
    expect(err.stderr).toContain('A.I.1.i.b: letter "Z"');
  }, 60_000);
});
