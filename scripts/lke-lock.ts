/**
 * Records newly published LKE versions in lke/lke-lock.json (never overwrites an entry).
 *
 *   node --import tsx scripts/lke-lock.ts            add missing published versions
 *   node --import tsx scripts/lke-lock.ts --check    exit 1 if the lock is incomplete or broken
 *
 * The LKE directory is the repository's lke/ (or ZONA_LKE_DIR).
 */
import { configuredLkeDir, updateLock } from '../apps/server/src/lke/index.ts';

const check = process.argv.includes('--check');
const dir = configuredLkeDir();
const result = await updateLock(dir, { check });
for (const problem of result.problems) process.stderr.write(`error: ${problem}\n`);
for (const key of result.added) process.stdout.write(`${check ? 'missing' : 'added'} ${key}\n`);
if (result.problems.length === 0 && result.added.length === 0) process.stdout.write('lke-lock.json is up to date\n');
process.exitCode = result.problems.length > 0 || (check && result.added.length > 0) ? 1 : 0;
