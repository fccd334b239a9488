import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * Two HTML entries:
 * - index.html  — the signed-in application (Mantine, router, query, lazy route chunks);
 * - public.html — light public pages (surveys, complaints later) without Mantine.
 * Works from the repository root: `vite build --config apps/web/vite.config.ts`.
 * The output runs under the strict CSP of the server (no inline scripts, no eval, no CDN).
 */
const root = fileURLToPath(new URL('.', import.meta.url));
const PURE_WORKSPACE = /[\\/]packages[\\/](shared|scoring)[\\/]src[\\/]/;

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // Inline assets would become data: URLs; only images may use data: under the CSP.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        public: fileURLToPath(new URL('./public.html', import.meta.url)),
      },
      treeshake: {
        // @zona/shared and @zona/scoring are pure (architecture §2); their index files re-export
        // zod request schemas the UI does not use. Declaring them side-effect free lets unused
        // modules (and zod with them) drop out of the screens that only need roles or NIP checks.
        moduleSideEffects: (id: string) => (PURE_WORKSPACE.test(id) ? false : undefined),
      },
      output: {
        codeSplitting: {
          // React is shared by both entries; a stable, named chunk caches well across deploys.
          groups: [{ name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/ }],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3000' },
  },
  preview: {
    port: 4173,
    proxy: { '/api': 'http://localhost:3000' },
  },
});
