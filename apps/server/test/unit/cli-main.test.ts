import { describe, expect, it } from 'vitest';
import { runCli } from './cli-io.ts';

describe('zona dispatcher', () => {
  it('prints usage on --help with exit 0, listing every command', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['score', 'lke', 'survey', 'backup', 'restore', 'audit']) expect(r.stdout).toContain(`zona ${c}`);
  });

  it('exits 2 with usage on stderr for no or an unknown command', async () => {
    for (const argv of [[], ['tidak-ada']]) {
      const r = await runCli(argv);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('usage');
    }
  });
});
