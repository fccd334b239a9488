/**
 * `npx zona <command>` dispatcher. Each command lives in commands/<name>.ts and exports
 * `run(args, io)`; modules load lazily so `zona score` does not pay for the database driver.
 * Exit codes: 0 success, 1 operational failure, 2 invalid input or usage.
 */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Reads all of standard input (used when a FILE argument is "-"). */
  readStdin: () => Promise<string>;
}

export type CommandModule = { run: (args: string[], io: CliIo) => Promise<number> };

const commands: Record<string, { summary: string; load: () => Promise<CommandModule> }> = {
  score: { summary: 'score FILE|-            score an LKE answer set (JSON)', load: () => import('./commands/score.ts') },
  lke: { summary: 'lke list|export|import  LKE instruments and workbooks', load: () => import('./commands/lke.ts') },
  survey: { summary: 'survey skm FILE|- | sample-size N', load: () => import('./commands/survey.ts') },
  backup: { summary: 'backup FILE             consistent dump of the database', load: () => import('./commands/backup.ts') },
  restore: { summary: 'restore FILE            restore a dump into an empty database', load: () => import('./commands/restore.ts') },
  audit: { summary: 'audit verify            check the audit hash chain', load: () => import('./commands/audit.ts') },
};

/** Default process-bound IO. */
export const processIo: CliIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
};

function usage(io: CliIo, write: (text: string) => void = io.stderr): void {
  write('Penggunaan / usage: zona <command>\n');
  for (const [, c] of Object.entries(commands)) write(`  zona ${c.summary}\n`);
}

/** Runs one CLI invocation and returns its exit code. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    usage(io, io.stdout);
    return 0;
  }
  const command = name ? commands[name] : undefined;
  if (!command) {
    usage(io);
    return 2;
  }
  try {
    const mod = await command.load();
    return await mod.run(rest, io);
  } catch (err) {
    io.stderr(`zona ${name}: ${(err as Error).message}\n`);
    return 1;
  }
}
