/** LKE data loading for the server and the CLI: validate, checksum, freeze. */
export { loadLkeDirectory, LkeLoadError, type LoadLkeOptions } from './load-lke-directory.ts';
export { createRegistry, type LkeRegistry, type LkeVersion } from './registry.ts';
export { checksumOf, LOCK_FILE, lockKey, readLock, writeLock, type LkeLock } from './lock.ts';
export { scanLkeDirectory, type LkeLoadProblem, type ScannedVersion } from './scan.ts';
export { REPO_LKE_DIR, resolveLkeDir } from './lke-dir.ts';
export { updateLock, type LockUpdate } from './update-lock.ts';
export { configuredLkeDir, loadLkeForServer } from './boot.ts';
