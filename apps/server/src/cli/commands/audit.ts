/**
 * `zona audit verify [--json]`: walks the audit hash chain of the configured database.
 * Exit 0 when intact, 1 when a link is broken (or the database cannot be opened), 2 on usage errors.
 */
import { loadConfig } from '../../config.ts';
import { verifyAuditChain } from '../../services/audit/verify-audit.ts';
import type { CliIo } from '../main.ts';
import { withCliDatabase } from './backup.ts';

export async function run(args: string[], io: CliIo): Promise<number> {
  const [sub, ...flags] = args;
  const json = flags.includes('--json');
  if (sub !== 'verify' || flags.some((f) => f !== '--json')) {
    io.stderr('Penggunaan / usage: zona audit verify [--json]\n');
    return 2;
  }
  const config = loadConfig();
  return withCliDatabase(io, config, { mustExist: true }, async (database) => {
    // The operator at the console acts with national scope, so no policy check applies here.
    const result = await verifyAuditChain(database.db);
    if (json) {
      io.stdout(`${JSON.stringify(result)}\n`);
    } else {
      const lines = [result.message, `  diperiksa / checked: ${result.checked}`];
      if (!result.ok) lines.push(`  seq rusak pertama / first broken seq: ${result.firstBrokenSeq}`);
      io.stdout(`${lines.join('\n')}\n`);
    }
    return result.ok ? 0 : 1;
  });
}
