import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LkeLoadError, loadLkeDirectory, readLock, REPO_LKE_DIR, updateLock } from '../../src/lke/index.ts';
import { copyLkeDir } from './lke-temp-dir.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});
async function tempLke(options?: { lock?: boolean }) {
  const t = await copyLkeDir(options);
  cleanups.push(t.cleanup);
  return t.dir;
}
async function refusal(dir: string, options?: { allowUnlocked?: boolean }): Promise<LkeLoadError> {
  try {
    await loadLkeDirectory(dir, options);
  } catch (err) {
    expect(err).toBeInstanceOf(LkeLoadError);
    return err as LkeLoadError;
  }
  throw new Error('expected the LKE directory to be refused');
}
/** Writes lke/<instrument>/v<version>.yaml as a copy of zi-2021 v1 with another version and status. */
function writeVersion(dir: string, version: number, status: 'draft' | 'published', extra = '') {
  const text = readFileSync(join(dir, 'zi-2021', 'v1.yaml'), 'utf8')
    .replace(/^version: 1$/m, `version: ${version}`)
    .replace(/^status: published$/m, `status: ${status}`);
  writeFileSync(join(dir, 'zi-2021', `v${version}.yaml`), text + extra);
}

describe('loadLkeDirectory', () => {
  it('loads every version with its checksum, compiled form and metadata', async () => {
    const dir = await tempLke();
    const registry = await loadLkeDirectory(dir);
    expect(registry.list().map((v) => `${v.instrument}@${v.version}:${v.status}:${v.itemCount}`)).toEqual([
      'zi-2014@1:published:84',
      'zi-2021@1:published:113',
    ]);
    const v1 = registry.get('zi-2021', 1);
    const bytes = readFileSync(join(dir, 'zi-2021', 'v1.yaml'));
    expect(v1?.checksum).toBe(`sha256:${createHash('sha256').update(bytes).digest('hex')}`);
    expect(v1?.compiled.items).toHaveLength(113);
    expect(v1?.document.legalBasis[0].regulation).toBe('PermenPANRB 90/2021');
    expect(v1?.bestEffort).toBe(false);
    expect(registry.latest('zi-2021')).toBe(v1);
    expect(registry.get('zi-2021')).toBe(v1);
    expect(registry.get('zi-2099')).toBeUndefined();
    expect(registry.get('zi-2014')?.bestEffort).toBe(true);
  });

  it('refuses a published version whose file changed, naming the file and asking for a new version', async () => {
    const dir = await tempLke();
    appendFileSync(join(dir, 'zi-2021', 'v1.yaml'), '# edited after publication\n');
    const err = await refusal(dir);
    expect(err.problems).toHaveLength(1);
    expect(err.problems[0].file).toBe('lke/zi-2021/v1.yaml');
    expect(err.message).toContain('published LKE zi-2021@1 has changed');
    expect(err.message).toContain('publish the change as a new version (v2.yaml');
    // Even the explicit lock-update mode never accepts a changed locked version.
    await expect(loadLkeDirectory(dir, { allowUnlocked: true })).rejects.toThrow(/has changed/);
  });

  it('allows a draft to change, and prefers the published version as latest', async () => {
    const dir = await tempLke();
    writeVersion(dir, 2, 'draft');
    let registry = await loadLkeDirectory(dir);
    const draft = registry.get('zi-2021', 2);
    expect(draft?.status).toBe('draft');
    appendFileSync(join(dir, 'zi-2021', 'v2.yaml'), '# still being written\n');
    registry = await loadLkeDirectory(dir);
    expect(registry.get('zi-2021', 2)?.checksum).not.toBe(draft?.checksum);
    expect(registry.latest('zi-2021')?.version).toBe(1);
  });

  it('refuses a new published version missing from the lock unless explicitly allowed; the lock script adds it once', async () => {
    const dir = await tempLke();
    writeVersion(dir, 2, 'published');
    const err = await refusal(dir);
    expect(err.message).toContain('published LKE zi-2021@2 is not recorded in lke/lke-lock.json');
    expect(err.message).toContain('scripts/lke-lock.ts');
    expect((await loadLkeDirectory(dir, { allowUnlocked: true })).latest('zi-2021')?.version).toBe(2);

    const before = await readLock(dir);
    const update = await updateLock(dir);
    expect(update).toMatchObject({ added: ['zi-2021@2'], problems: [], written: true });
    const after = await readLock(dir);
    expect(after['zi-2021@1']).toBe(before['zi-2021@1']);
    expect((await loadLkeDirectory(dir)).latest('zi-2021')?.version).toBe(2);

    // The script never overwrites an entry: a changed published file stays refused.
    appendFileSync(join(dir, 'zi-2021', 'v2.yaml'), '# changed\n');
    const again = await updateLock(dir);
    expect(again.written).toBe(false);
    expect(again.problems.join('\n')).toContain('the lock entry is never overwritten');
    expect(await readLock(dir)).toEqual(after);
  });

  it('gives a clear error for bad YAML, naming the file and the line', async () => {
    const dir = await tempLke();
    writeFileSync(join(dir, 'zi-2021', 'v3.yaml'), 'instrument: zi-2021\nversion: 3\ntitle: [unclosed\n  id: x\n');
    const err = await refusal(dir);
    expect(err.problems.map((p) => p.file)).toEqual(['lke/zi-2021/v3.yaml']);
    expect(err.message).toMatch(/lke\/zi-2021\/v3\.yaml: not valid YAML: .*line \d+/s);
  });

  it('lists every format problem of an invalid LKE file by code', async () => {
    const dir = await tempLke();
    writeVersion(dir, 2, 'draft');
    const path = join(dir, 'zi-2021', 'v2.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace(/weight: 8$/m, 'weight: 9').replace('target: "4"', 'target: "44"'));
    const err = await refusal(dir);
    expect(err.message).toContain('lke/zi-2021/v2.yaml: Invalid LKE document');
    expect(err.message).toContain('sub-area weights add up to 8, area weight is 9');
    expect(err.message).toContain('rule target "44"');
  });

  it('refuses a locked version whose file is gone, and a file whose content names another version', async () => {
    const dir = await tempLke();
    rmSync(join(dir, 'zi-2014', 'v1.yaml'));
    mkdirSync(join(dir, 'zi-2030'));
    writeFileSync(join(dir, 'zi-2030', 'v1.yaml'), readFileSync(join(dir, 'zi-2021', 'v1.yaml')));
    const err = await refusal(dir);
    expect(err.message).toContain('zi-2014@1 is published in lke/lke-lock.json but its file is missing');
    expect(err.message).toContain('declares zi-2021 v1 but the file is zi-2030/v1.yaml');
  });

  it('the committed lke/lke-lock.json matches the repository LKE files', async () => {
    // When this fails after an edit to a published LKE file: publish the edit as a new version.
    // (While v1 texts are still being finalised before release: delete the stale entry and rerun
    // `node --import tsx scripts/lke-lock.ts`.)
    const registry = await loadLkeDirectory(REPO_LKE_DIR);
    expect(registry.list().length).toBeGreaterThan(0);
  });
});
