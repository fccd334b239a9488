import { describe, expect, it } from 'vitest';
import { runCli } from './cli-io.ts';

const survey = (args: string[], stdin = '') => runCli(['survey', ...args], stdin);

describe('zona survey (contract: app-and-cli.md "Survey CLI")', () => {
  it('skm: reproduces the contract example from standard input', async () => {
    const input = { instrument: 'skm-2017', responses: [{ u1: 4, u2: 3, u3: 3, u4: 4, u5: 3, u6: 4, u7: 4, u8: 3, u9: 3 }] };
    const r = await survey(['skm', '-'], JSON.stringify(input));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({
      respondents: 1,
      nrr: { u1: 4, u2: 3, u3: 3, u4: 4, u5: 3, u6: 4, u7: 4, u8: 3, u9: 3 },
      ikm: 3.444,
      ikmConverted: 86.11,
      grade: 'B',
      performance: 'Baik',
    });
  });

  it('skm: exit 2, nothing on stdout, every problem on stderr', async () => {
    const r = await survey(['skm', '-'], JSON.stringify({ responses: [{ u1: 0, u2: 3.5, u12: 4 }] }));
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toContain('responses[0].u1: answer must be an integer from 1 to 4, got 0');
    expect(r.stderr).toContain('responses[0].u2: answer must be an integer from 1 to 4, got 3.5');
    expect(r.stderr).toContain('responses[0].u12: unknown element "u12"');
    expect(r.stderr).toContain('u9: element u9 was answered by nobody');
    expect((await survey(['skm', '-'], JSON.stringify({ responses: [] }))).code).toBe(2);
    expect((await survey(['skm', '-'], 'not json')).stderr).toContain('not valid JSON');
  });

  it.each([
    ['10', 10],
    ['50', 44],
    ['100', 80],
    ['500', 217],
    ['1000', 278],
    ['1000000', 384],
  ])('sample-size %s → %d', async (n, sample) => {
    const r = await survey(['sample-size', n]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ population: Number(n), sample });
  });

  it.each(['0', '-5', '2.5', 'abc', '1e3'])('sample-size %s exits 2', async (n) => {
    const r = await survey(['sample-size', n]);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toContain('N must be a positive integer');
  });

  it('prints usage and exits 2 for an unknown subcommand', async () => {
    const r = await survey(['ikm']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('usage: zona survey skm FILE|-');
  });
});
