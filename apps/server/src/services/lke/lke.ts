/**
 * LKE use cases behind the API: read a version, validate, score, explain and simulate an answer
 * set, and build its workbook — all with the one engine, @zona/scoring.
 */
import { ENGINE_VERSION, explain, simulate, score, toContractReport, validateAnswers } from '@zona/scoring';
import { exportWorkbook } from '../../excel/index.ts';
import { AppError } from '../../lib/errors.ts';
import type { LkeRegistry, LkeVersion } from '../../lke/registry.ts';
import { holdsAnywhere } from '../../policies/access.ts';
import type { ServiceContext } from '../context.ts';

function requireAction(ctx: ServiceContext, action: 'lke:read' | 'lke:score') {
  // The instrument is national reference data: anyone holding the action anywhere may use it.
  if (!holdsAnywhere(ctx.actor, action)) throw new AppError('FORBIDDEN');
}

export function getVersion(ctx: ServiceContext, registry: LkeRegistry | null, instrument: string, version: number): LkeVersion {
  requireAction(ctx, 'lke:read');
  const v = registry?.get(instrument, version);
  if (!v) throw new AppError('NOT_FOUND', 'Versi LKE tidak ditemukan');
  return v;
}

export function listVersions(ctx: ServiceContext, registry: LkeRegistry | null) {
  requireAction(ctx, 'lke:read');
  return (registry?.list() ?? []).map((v) => ({
    instrument: v.instrument,
    version: v.version,
    status: v.status,
    checksum: v.checksum,
    title: v.title,
    bestEffort: v.bestEffort,
    effective: v.effective,
    itemCount: v.itemCount,
  }));
}

/** Validates an answer set against the version; every problem becomes a field error by item code. */
function checkedAnswers(v: LkeVersion, body: { holds?: unknown; answers?: unknown }) {
  const res = validateAnswers(v.compiled, { instrument: v.instrument, holds: body.holds ?? undefined, answers: body.answers ?? {} });
  if (!res.ok) {
    throw new AppError(
      'VALIDATION_FAILED',
      'Jawaban LKE tidak valid',
      res.problems.map((p) => ({ path: p.path, message: `${p.code}: ${p.messageId}` })),
    );
  }
  return res.value;
}

export function validateSet(ctx: ServiceContext, v: LkeVersion, body: { holds?: unknown; answers?: unknown }) {
  requireAction(ctx, 'lke:score');
  const res = validateAnswers(v.compiled, { instrument: v.instrument, holds: body.holds ?? undefined, answers: body.answers ?? {} });
  return res.ok ? { ok: true, problems: [] } : { ok: false, problems: res.problems };
}

export function scoreSet(ctx: ServiceContext, v: LkeVersion, body: { holds?: unknown; answers?: unknown }) {
  requireAction(ctx, 'lke:score');
  const report = toContractReport(score(v.compiled, checkedAnswers(v, body)));
  return { ...report, version: v.version, checksum: v.checksum, engineVersion: ENGINE_VERSION };
}

export function simulateSet(ctx: ServiceContext, v: LkeVersion, body: { holds?: unknown; answers?: unknown }) {
  requireAction(ctx, 'lke:score');
  return simulate(v.compiled, checkedAnswers(v, body));
}

export function explainTarget(ctx: ServiceContext, v: LkeVersion, body: { holds?: unknown; answers?: unknown; target: string }) {
  requireAction(ctx, 'lke:score');
  const set = checkedAnswers(v, body);
  try {
    return explain(v.compiled, set, body.target);
  } catch (err) {
    if (err instanceof RangeError) throw new AppError('VALIDATION_FAILED', undefined, [{ path: 'target', message: err.message }]);
    throw err;
  }
}

export async function workbookFor(ctx: ServiceContext, v: LkeVersion, body: { holds?: unknown; answers?: unknown } | null) {
  requireAction(ctx, 'lke:read');
  const set = body ? checkedAnswers(v, body) : undefined;
  return exportWorkbook(v.document, set as never, { checksum: v.checksum, engineVersion: ENGINE_VERSION });
}
