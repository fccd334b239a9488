// Builds the web app with Vite when the build is missing or older than its sources
// (`--force` always builds). Used by `npm start`, `npm run e2e` and `npm run build`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'apps/web/dist/index.html');
const sources = ['apps/web/src', 'apps/web/index.html', 'apps/web/public.html', 'apps/web/vite.config.ts', 'packages/shared/src', 'packages/scoring/src', 'package-lock.json'];

function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const entry of readdirSync(path)) max = Math.max(max, newest(join(path, entry)));
  return max;
}

export function webBuildNeeded() {
  if (!existsSync(out)) return true;
  const built = statSync(out).mtimeMs;
  return sources.some((s) => newest(join(root, s)) > built);
}

const force = process.argv.includes('--force');
if (force || webBuildNeeded()) {
  console.log('[zona] Membangun aplikasi web / building the web app (vite)…');
  // Vite is installed for the web workspace (it may not be hoisted to the root).
  const viteBin = join(dirname(createRequire(join(root, 'apps/web/package.json')).resolve('vite/package.json')), 'bin/vite.js');
  const res = spawnSync(process.execPath, [viteBin, 'build', '--config', 'apps/web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (res.status !== 0) process.exit(res.status ?? 1);
}
