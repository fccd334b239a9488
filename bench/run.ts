/**
 * `npm run bench`: prints figures and ratios against a bare baseline measured in the same run.
 * Not a test: nothing here asserts a timing.
 */
import { benchHttp } from './http.ts';
import type { LoadResult } from './load.ts';

const fmt = (n: number, d = 1) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

function httpLine(name: string, r: LoadResult | { skipped: string }, bare: LoadResult) {
  if ('skipped' in r) return `  ${name.padEnd(30)} skipped: ${r.skipped}`;
  return `  ${name.padEnd(30)} ${fmt(r.rps).padStart(9)} req/s   p95 ${fmt(r.p95, 2).padStart(7)} ms   ratio to bare ${fmt(r.rps / bare.rps, 3)}   errors ${r.errors}`;
}

async function main() {
  const sections = process.argv.slice(2);
  const want = (s: string) => sections.length === 0 || sections.includes(s);
  console.log(`Zona benchmarks — Node ${process.version}, ${new Date().toISOString()}`);
  if (want('scoring')) {
    try {
      const { benchScoring } = await import('./scoring.ts');
      const s = await benchScoring();
      console.log('\nLKE scoring (one process, one core)');
      for (const line of s) console.log(`  ${line}`);
    } catch (err) {
      console.log(`\nLKE scoring: not available (${(err as Error).message})`);
    }
  }
  if (want('excel')) {
    try {
      const { benchExcel } = await import('./excel.ts');
      const e = await benchExcel();
      console.log('\nLKE workbook (zi-2021, full answers)');
      console.log(`  export ${fmt(e.exportMs, 1)} ms   import ${fmt(e.importMs, 1)} ms`);
    } catch (err) {
      console.log(`\nLKE workbook: not available (${(err as Error).message})`);
    }
  }
  if (want('http')) {
    const h = await benchHttp();
    console.log('\nHTTP, 16 keep-alive connections, 5 s each (load from a separate process)');
    console.log(httpLine('bare Fastify route', h.bare, h.bare));
    console.log(httpLine('GET /api/users (PGlite)', h.pglite, h.bare));
    console.log(httpLine('GET /api/users (PostgreSQL)', h.postgres, h.bare));
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
