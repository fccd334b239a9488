/** Test helper: a fake CLI IO capturing stdout and stderr, with a given standard input. */
import { type CliIo, main } from '../../src/cli/main.ts';

export function fakeIo(stdin = ''): { io: CliIo; stdout: () => string; stderr: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { stdout: (t) => out.push(t), stderr: (t) => err.push(t), readStdin: async () => stdin },
    stdout: () => out.join(''),
    stderr: () => err.join(''),
  };
}

/** Runs `zona <argv…>` in-process with a fake IO; returns the exit code and both outputs. */
export async function runCli(argv: string[], stdin = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  const f = fakeIo(stdin);
  const code = await main(argv, f.io);
  return { code, stdout: f.stdout(), stderr: f.stderr() };
}
