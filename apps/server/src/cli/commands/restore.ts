/**
 * `zona restore FILE`: restores a `zona backup` file into an EMPTY database (see db/backup.ts).
 * Exit 0 restored, 1 refused (database not empty, schema mismatch, lock), 2 unreadable or corrupt file.
 */
import { resolve } from 'node:path';
import { loadConfig } from '../../config.ts';
import { assertBuildSchema, BackupFileError, type CheckedBackup, RestoreRefusedError, restoreBackup, verifyBackupFile } from '../../db/backup.ts';
import { verifyAuditChain } from '../../services/audit/verify-audit.ts';
import type { CliIo } from '../main.ts';
import { describeSource, withCliDatabase } from './backup.ts';

const NOTHING_CHANGED = 'Tidak ada yang diubah. / Nothing was changed.\n';

export async function run(args: string[], io: CliIo): Promise<number> {
  if (args.length !== 1 || args[0].startsWith('-')) {
    io.stderr('Penggunaan / usage: zona restore FILE\n');
    return 2;
  }
  const file = resolve(args[0]);
  const config = loadConfig();
  // Check the file and its schema before opening the database: a refused restore must not even
  // create a PGlite directory.
  let checked: CheckedBackup;
  try {
    checked = await verifyBackupFile(file);
    assertBuildSchema(checked.header);
  } catch (err) {
    if (!(err instanceof BackupFileError || err instanceof RestoreRefusedError)) throw err;
    io.stderr(`${err.message}\n${NOTHING_CHANGED}`);
    return err instanceof BackupFileError ? 2 : 1;
  }
  return withCliDatabase(io, config, { mustExist: false }, async (database) => {
    try {
      const s = await restoreBackup(database, file, checked);
      // Reported, not enforced: a chain broken before the backup was taken is restored as it was.
      const chain = await verifyAuditChain(database.db);
      io.stdout(
        [
          `Pemulihan selesai / restore complete: ${s.file}`,
          `  tujuan / target: ${describeSource(config)}`,
          `  cadangan dibuat / backup created: ${s.header.createdAt} (${s.header.databaseKind})`,
          `  tabel / tables: ${s.header.tables.length}, baris / rows: ${s.totalRows}`,
          ...Object.entries(s.rows).map(([t, n]) => `  ${t}: ${n}`),
          `  ${chain.message}`,
          '',
        ].join('\n'),
      );
      return 0;
    } catch (err) {
      // The file is read again while restoring; a change since the check is still exit 2.
      if (err instanceof BackupFileError || err instanceof RestoreRefusedError) {
        io.stderr(`${err.message}\n${NOTHING_CHANGED}`);
        return err instanceof BackupFileError ? 2 : 1;
      }
      throw err;
    }
  });
}
