/**
 * Issue 3's LKE page, as a unit's work-team member uses it in Debian Chromium: the instrument
 * tree with its weights and the predicate thresholds, then the sandbox — answer a few items,
 * watch the live total and the predicate badges, check that the browser's total is exactly what
 * the server's `POST /api/lke/zi-2021/1/score` says for the same answers (one engine, two
 * places), and download the workbook. Every page must run without console errors or CSP
 * violations.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchBrowser, ProblemWatch, type RunningServer, signIn, snap, startServer } from './support.ts';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let watch: ProblemWatch;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

beforeEach(async () => {
  context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  context.setDefaultTimeout(15_000);
  watch = await ProblemWatch.attach(context);
  page = await context.newPage();
});

afterEach(async () => {
  try {
    // Whatever the page logged after the last step's check fails the test too.
    watch?.assertClean('end of test');
  } finally {
    await context?.close();
  }
});

async function expectText(locator: Locator, pattern: RegExp | string): Promise<void> {
  await locator.first().waitFor();
  await expect.poll(async () => (await locator.first().innerText()).trim(), { timeout: 15_000 }).toMatch(pattern);
}

/** Indonesian number as the sandbox shows it ("1.234,56") → 1234.56. */
function idNumber(text: string): number {
  return Number(text.trim().replace(/\./g, '').replace(',', '.'));
}

async function openLke(): Promise<void> {
  await page.goto('/login');
  await signIn(page, 'tim.kpknl');
  await page.getByTestId('nav-lke').click();
  await page.waitForURL((url) => url.pathname === '/lke');
  await page.getByTestId('lke-tree').waitFor();
}

const total = async () => idNumber(await page.getByTestId('sandbox-total').innerText());

/** Waits for the live total to move away from `before` (scoring runs on a deferred value). */
async function totalAfter(before: number): Promise<number> {
  await expect.poll(total, { timeout: 10_000 }).not.toBe(before);
  return total();
}

/** What the server's engine says for an answer set, through the public API with the page's session. */
async function serverScore(body: unknown): Promise<Record<string, unknown> & { total: number }> {
  const me = await page.request.get('/api/auth/me');
  expect(me.status()).toBe(200);
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  const res = await page.request.post('/api/lke/zi-2021/1/score', { headers: { 'x-csrf-token': csrfToken }, data: body });
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as Record<string, unknown> & { total: number };
}

/** The sandbox's own contract report (the "show JSON" panel), computed in the browser. */
async function browserReport(): Promise<Record<string, unknown> & { total: number }> {
  const json = page.getByTestId('sandbox-json');
  if (!(await json.isVisible())) await page.getByRole('button', { name: /JSON/ }).click();
  await json.waitFor();
  return JSON.parse(await json.innerText()) as Record<string, unknown> & { total: number };
}

describe('LKE page', () => {
  it('shows the instrument as a tree with weights and the predicate thresholds', async () => {
    await openLke();
    await expectText(page.getByRole('heading', { level: 1 }), 'LKE');
    await expectText(page.getByTestId('lke-tab-instrument'), 'Instrumen');
    expect(await page.getByTestId('lke-select').inputValue()).toMatch(/^zi-2021 v1 — /);
    await page.getByText('113 butir').waitFor();

    // Thresholds (PermenPANRB 90/2021 Tabel 6): total ≥ 75 for WBK, ≥ 85 for WBBM, and so on.
    const thresholds = page.getByTestId('lke-thresholds');
    const header = await thresholds.getByRole('columnheader').allInnerTexts();
    expect(header.slice(-2)).toEqual(['WBK', 'WBBM']);
    const totalRule = thresholds.getByRole('row').filter({ has: page.getByRole('cell', { name: 'total', exact: true }) });
    await expectText(totalRule, /^total\s+Nilai total\s+≥ 75\s+≥ 85$/);
    const pengungkitRule = thresholds.getByRole('row').filter({ has: page.getByRole('cell', { name: 'pengungkit', exact: true }) });
    await expectText(pengungkitRule, /≥ 40\s+≥ 48$/);
    await expectText(thresholds.getByRole('row').filter({ hasText: 'prior-wbk' }), /WBK \/ WBBM$/);
    expect(await thresholds.getByRole('row').count()).toBeGreaterThan(10);

    // The tree: components with their weights (60 + 40), areas and sub-areas inside.
    const tree = page.getByTestId('lke-tree');
    await expectText(tree.getByRole('button', { name: /^A\. / }), /pengungkit\s+bobot 60/i);
    await expectText(tree.getByRole('button', { name: /^B\. / }), /hasil\s+bobot 40/i);
    const area1 = tree.getByRole('button', { name: /^1\. Manajemen Perubahan/ });
    await expectText(area1, /bobot 8$/);
    await area1.click();
    await expectText(tree.getByText('A.I.1.i', { exact: true }).locator('xpath=..'), /Penyusunan Tim Kerja[\s\S]*bobot 0,5/);
    await tree.getByTestId('lke-item').first().waitFor();
    await expectText(tree.getByTestId('lke-item').first(), /A\.I\.1\.i\.a/);
    await snap(page, 'lke-01-instrument');

    // The content-language toggle shows the English summaries.
    await page.getByTestId('lke-content-lang').getByText('English').click();
    await expectText(tree.getByRole('button', { name: /^1\. / }), /^1\. Change management/i);
    watch.assertClean('LKE instrument');
  });

  it('scores answers live in the browser exactly as the server does, and downloads the workbook', async () => {
    await openLke();
    await page.getByTestId('lke-tab-sandbox').click();
    const form = page.getByTestId('sandbox-form');
    await form.waitFor();
    expect(await total()).toBe(0);
    const wbk = page.getByTestId('predicate-WBK');
    const wbbm = page.getByTestId('predicate-WBBM');
    expect(await wbk.getAttribute('data-eligible')).toBe('false');
    expect(await wbbm.getAttribute('data-eligible')).toBe('false');
    // Badges are upper-cased by CSS ("BELUM MEMENUHI").
    await expectText(wbk, /^WBK\s+Belum memenuhi\b/i);
    await expectText(wbbm, /^WBBM\s+Belum memenuhi\b/i);

    // A yes/no item: the team was formed.
    let now = 0;
    await page.getByTestId('answer-A.I.1.i.a').check();
    now = await totalAfter(now);
    expect(now).toBeGreaterThan(0);
    // An option item: members chosen by a clear procedure (A is the best letter).
    await page.getByTestId('answer-A.I.1.i.b').getByRole('radio', { name: /^A\. / }).check();
    now = await totalAfter(now);
    // A ratio item: 10 change agents made 8 concrete changes.
    await page.getByTestId('answer-A.II.1.i.a-agents').fill('10');
    await page.getByTestId('answer-A.II.1.i.a-changes').fill('8');
    now = await totalAfter(now);
    // A survey index in the results component: IPAK 3,5 on the 0–4 scale.
    const areaBI = form.getByRole('button', { name: /^B\.I\. / });
    await areaBI.click();
    await page.getByTestId('answer-B.I.a').fill('3.5');
    await page.getByTestId('answer-B.I.a').blur();
    now = await totalAfter(now);
    await expectText(page.getByText(/^4 (dari|of) 113 butir/), /^4 dari 113 butir dijawab$/);
    await snap(page, 'lke-02-sandbox', page.getByTestId('sandbox-score'));

    // Far from a predicate: both badges say so and list the failing rules.
    expect(await wbk.getAttribute('data-eligible')).toBe('false');
    await expectText(wbk.getByRole('listitem').first(), /total/);

    // One engine: the total on screen and the whole contract report equal the server's answer.
    const answers = {
      'A.I.1.i.a': 'ya',
      'A.I.1.i.b': 'A',
      'A.II.1.i.a': { agents: 10, changes: 8 },
      'B.I.a': 3.5,
    };
    const stored = await page.evaluate(() => JSON.parse(sessionStorage.getItem('zona.lke.sandbox.zi-2021.v1') ?? 'null'));
    expect(stored).toEqual({ holds: null, answers });
    const fromServer = await serverScore({ answers });
    expect(now).toBe(Math.round(fromServer.total * 100) / 100);
    expect(now).toBeGreaterThan(0);
    const { version: _v, checksum: _c, engineVersion, ...serverContract } = fromServer;
    expect(engineVersion).toEqual(expect.any(String));
    expect(await browserReport()).toEqual(serverContract);

    // Survey results are not the unit's to choose: until they are good enough WBK stays out of
    // reach whatever else is answered. With IPAK 3,7 (≥ 3,6) and IPKP 3,4 (≥ 3,2) it is reachable,
    // and the cheapest path, applied in the sandbox, makes WBK eligible — the server agrees.
    await page.getByTestId('answer-B.I.a').fill('3.7');
    await form.getByRole('button', { name: /^B\.II\. / }).click();
    await page.getByTestId('answer-B.II.a').fill('3.4');
    await page.getByTestId('answer-B.II.a').blur();
    await expectText(page.getByText(/^5 (dari|of) 113 butir/), /^5 dari 113 butir dijawab$/);
    await page.getByTestId('simulate-WBK').getByRole('button', { name: 'Terapkan jalur' }).click();
    await expect.poll(() => wbk.getAttribute('data-eligible'), { timeout: 10_000 }).toBe('true');
    await expectText(wbk, /^WBK\s+Memenuhi$/i);
    const eligibleTotal = await total();
    expect(eligibleTotal).toBeGreaterThanOrEqual(75);
    const pathAnswers = (await page.evaluate(() => JSON.parse(sessionStorage.getItem('zona.lke.sandbox.zi-2021.v1') ?? 'null'))) as {
      answers: Record<string, unknown>;
    };
    const afterPath = await serverScore({ answers: pathAnswers.answers });
    expect(eligibleTotal).toBe(Math.round(afterPath.total * 100) / 100);
    expect(afterPath.predicates).toMatchObject({ WBK: { eligible: true, failures: [] } });
    {
      const { version: _v2, checksum: _c2, engineVersion: _e2, ...contract } = afterPath;
      expect(await browserReport()).toEqual(contract);
    }
    await snap(page, 'lke-03-sandbox-wbk', page.getByTestId('sandbox-score'));

    // The workbook, built by the server from the same answers, is an xlsx (a zip: "PK").
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('lke-workbook').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const bytes = await readFile(await download.path());
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(bytes.length).toBeGreaterThan(10_000);
    watch.assertClean('LKE sandbox');
  });
});
