/**
 * Issue 2's journey, as an agency administrator would do it in Debian Chromium: sign in in
 * Indonesian, switch to English (and find it remembered after a reload), create a unit in the
 * ministry's tree, add a user with a valid NIP in that unit and give them a role, then find all
 * of it in the audit screen. Every page must run without console errors or CSP violations.
 */
import { parseNip } from '@zona/shared';
import type { Browser, BrowserContext, Page } from 'playwright-core';
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
  // An English-language browser: Indonesian must still be the default until the person switches.
  context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 900 }, locale: 'en-US' });
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

/** Waits until the locator's text matches (Playwright's auto-waiting, with vitest's expect). */
async function expectText(locator: ReturnType<Page['locator']>, pattern: RegExp | string): Promise<void> {
  await locator.first().waitFor();
  await expect.poll(async () => (await locator.first().innerText()).trim(), { timeout: 15_000 }).toMatch(pattern);
}

/** Picks an option of an open Mantine combobox (options live in a portal). */
async function pickOption(name: RegExp | string): Promise<void> {
  const option = page.getByRole('option', { name });
  await option.first().waitFor();
  await option.first().click();
}

describe('agency administrator journey', () => {
  it('signs in in Indonesian, switches to English, creates a unit and a user with a role, and finds them in the audit trail', async () => {
    const stamp = Date.now().toString(36).toUpperCase();
    const unitCode = `KEU-DJKN-E2E-${stamp}`;
    const unitName = `Seksi Uji Jalur ${stamp}`;
    const username = `uji.${stamp.toLowerCase()}`;
    const fullName = `Rina Uji ${stamp}`;
    // Born 12 July 1985, appointed January 2010, male, sequence 005: a structurally valid NIP.
    const nip = '198507122010011005';
    expect(parseNip(nip)).toMatchObject({ ok: true, parts: { birthDate: '1985-07-12', appointment: '2010-01', gender: 'L', sequence: 5 } });

    // 1. Open the app: no session, so the sign-in page, in Indonesian.
    const response = await page.goto('/');
    // The page really runs under the strict CSP the watch below holds it to.
    expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
    await page.waitForURL((url) => url.pathname === '/login');
    await expectText(page.getByRole('heading', { level: 1 }), 'Masuk ke Zona');
    await expectText(page.getByTestId('login-submit'), 'Masuk');
    await page.getByRole('textbox', { name: /^Nama pengguna/ }).waitFor();
    await page.getByLabel(/^Kata sandi/).first().waitFor();
    expect(await page.getByTestId('lang-switch').getAttribute('data-lang')).toBe('id');
    expect(await page.locator('html').getAttribute('lang')).toBe('id');
    await snap(page, 'admin-01-login-id');
    watch.assertClean('sign-in page');

    // 2. Sign in as the Kementerian Keuangan administrator: Indonesian home and navigation.
    await signIn(page, 'admin.kemenkeu');
    await expectText(page.getByTestId('nav-organisasi'), 'Organisasi');
    await expectText(page.getByTestId('nav-pengguna'), 'Pengguna');
    await expectText(page.getByTestId('nav-audit'), 'Audit');
    await page.getByTestId('home-profile').waitFor();
    await page.getByText('Kementerian Keuangan').first().waitFor();
    watch.assertClean('home (Indonesian)');

    // 3. Switch to English: labels change at once, and the choice survives a reload.
    await page.getByTestId('lang-switch').click();
    await expectText(page.getByTestId('nav-organisasi'), 'Organisation');
    await expectText(page.getByTestId('nav-pengguna'), 'Users');
    expect(await page.getByTestId('lang-switch').getAttribute('data-lang')).toBe('en');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.reload();
    await expectText(page.getByTestId('nav-organisasi'), 'Organisation');
    await expectText(page.getByRole('navigation').getByRole('link', { name: 'Home', exact: true }), 'Home');
    expect(await page.getByTestId('lang-switch').getAttribute('data-lang')).toBe('en');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await snap(page, 'admin-02-home-en');
    watch.assertClean('home (English, after reload)');

    // 4. Organisation screen → Kementerian Keuangan → add a sub-unit under the DG of State Assets.
    await page.getByTestId('nav-organisasi').click();
    await page.waitForURL((url) => url.pathname === '/organisasi');
    const instansiTable = page.getByTestId('instansi-table');
    await instansiTable.getByRole('link', { name: 'Kementerian Keuangan' }).click();
    await page.waitForURL(/\/organisasi\/[^/]+$/);
    await expectText(page.getByRole('heading', { level: 1 }), 'Kementerian Keuangan');
    await expectText(page.getByTestId('tab-units'), 'Work units');
    const djkn = page.locator('[data-testid="unit-node"][data-unit-code="KEU-DJKN"]');
    await djkn.waitFor();
    // The node's own action menu is the first in its subtree (children follow it).
    await djkn.getByTestId('unit-actions').first().click();
    await page.getByTestId('unit-add-child').click();
    const unitDialog = page.getByRole('dialog', { name: 'Add unit' });
    await unitDialog.waitFor();
    // "Add sub-unit" pre-selects the parent.
    await expect.poll(() => page.getByTestId('unit-parent').inputValue()).toContain('(KEU-DJKN)');
    await page.getByTestId('unit-name').fill(unitName);
    await page.getByTestId('unit-code').fill(unitCode);
    await page.getByTestId('unit-eselon').click();
    await pickOption('Eselon IV');
    await unitDialog.getByRole('switch', { name: /serves the public/i }).check();
    expect(await page.getByTestId('unit-serves-public').isChecked()).toBe(true);
    await page.getByTestId('unit-address').fill('Jl. Lapangan Banteng Timur No. 2-4, Jakarta Pusat');
    await snap(page, 'admin-03-unit-form');
    await page.getByTestId('unit-submit').click();
    await unitDialog.waitFor({ state: 'detached' });
    const newUnit = djkn.locator(`[data-testid="unit-node"][data-unit-code="${unitCode}"]`);
    await newUnit.waitFor();
    // Badges are upper-cased by CSS: what a person sees is "ESELON IV", "SERVES THE PUBLIC".
    await expectText(newUnit, new RegExp(`${unitName}\\s+${unitCode}\\s+Eselon IV\\s+Serves the public\\s+Active`, 'i'));
    await snap(page, 'admin-04-unit-tree');
    watch.assertClean('organisation screen');

    // 5. Users → add a user in the new unit, with a valid 18-digit NIP.
    await page.getByTestId('nav-pengguna').click();
    await page.waitForURL((url) => url.pathname === '/pengguna');
    await page.getByTestId('user-table').waitFor();
    await page.getByTestId('user-create').click();
    const userDialog = page.getByRole('dialog', { name: 'Add user' });
    await userDialog.waitFor();
    await page.getByTestId('user-name').fill(fullName);
    await page.getByTestId('user-nip').fill(nip);
    await page.getByTestId('user-username').fill(username);
    await page.getByTestId('user-email').fill(`${username}@kemenkeu.go.id`);
    await page.getByTestId('user-position').fill('Pelaksana');
    await page.getByTestId('user-unit').click();
    await page.getByTestId('user-unit').fill(unitCode);
    await pickOption(new RegExp(unitCode));
    // The NIP passed the structure check as typed: no field error under it.
    expect(await page.getByTestId('user-nip').getAttribute('aria-invalid')).not.toBe('true');
    await snap(page, 'admin-05-user-form');
    await page.getByTestId('user-submit').click();
    await userDialog.waitFor({ state: 'detached' });
    await page.waitForURL(/\/pengguna\/[^/]+$/);
    const userId = new URL(page.url()).pathname.split('/').pop() as string;
    await expectText(page.getByRole('heading', { level: 1 }), fullName);
    // No password was typed: the server made a temporary one, shown once.
    await expectText(page.getByTestId('temp-password'), /\S{8,}/);
    expect(await page.getByTestId('user-nip').inputValue()).toBe(nip);

    // 6. Give the new user a role: work-team member of the new unit, area 1.
    await page.getByTestId('role-add').click();
    const roleDialog = page.getByRole('dialog', { name: 'Add role' });
    await roleDialog.waitFor();
    await page.getByTestId('role-select').click();
    await page.getByTestId('role-select').fill('Work-team');
    await pickOption('Work-team member');
    await page.getByTestId('role-unit').click();
    await page.getByTestId('role-unit').fill(unitCode);
    await pickOption(new RegExp(unitCode));
    await page.getByTestId('role-area').click();
    await pickOption(/^1 — /);
    await snap(page, 'admin-06-role-form');
    await page.getByTestId('role-submit').click();
    await roleDialog.waitFor({ state: 'detached' });
    const roleRow = page.getByTestId('role-table').getByRole('row').filter({ hasText: 'Work-team member' });
    await expectText(roleRow, new RegExp(`^Work-team member\\s+${unitName}\\s+Area 1\\s+Revoke$`, 'i'));
    await snap(page, 'admin-07-user-roles');
    watch.assertClean('user screens');

    // 7. The audit screen shows both changes, newest first, naming the unit and the user.
    await page.getByTestId('nav-audit').click();
    await page.waitForURL((url) => url.pathname === '/audit');
    await expectText(page.getByRole('heading', { level: 1 }), 'Audit trail');
    const table = page.getByTestId('audit-table');

    /** The newest row of an action: its actor and entity cells, and its payload once expanded. */
    const eventOf = async (action: string, mustContain: string) => {
      const row = table.locator(`[data-testid="audit-row"][data-action="${action}"]`).first();
      await row.waitFor();
      const cells = row.getByRole('cell');
      // The trail records who acted by username (it must not change when a name is edited).
      await expectText(cells.nth(2), /^admin\.kemenkeu$/);
      const entityId = (await cells.nth(5).innerText()).trim();
      await row.getByTestId('audit-row-toggle').click();
      const payload = table.getByTestId('audit-payload');
      await expectText(payload, new RegExp(escapeRegExp(mustContain)));
      return { entityId, payload: JSON.parse(await payload.innerText()) as Record<string, unknown> };
    };

    const unitEvent = await eventOf('unit.created', unitCode);
    expect(unitEvent.payload).toMatchObject({ name: unitName, code: unitCode, parentId: expect.any(String) });

    const userEvent = await eventOf('user.created', username);
    expect(userEvent.entityId).toBe(userId);
    expect(userEvent.payload).toMatchObject({ username, unitId: unitEvent.entityId });

    const roleEvent = await eventOf('role.assigned', userId);
    expect(roleEvent.payload).toMatchObject({ userId, role: 'work_team', area: '1', unitId: unitEvent.entityId });
    await snap(page, 'admin-08-audit');

    // Filtering by action narrows the list to the unit creation.
    await page.getByTestId('audit-filter-action').fill('unit.created');
    await expect
      .poll(async () => table.getByTestId('audit-row').evaluateAll((rows) => [...new Set(rows.map((r) => r.getAttribute('data-action')))]))
      .toEqual(['unit.created']);
    await table.locator('[data-testid="audit-row"][data-action="unit.created"]').first().waitFor();
    watch.assertClean('audit screen');
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A user page opened directly (reload, bookmark, right after "Add user") names the work unit:
 * the server sends `unitName` with the user, and the unit select does not search for the label
 * Mantine copies into its search box.
 */
describe('user page', () => {
  it("names the user's work unit instead of showing its id", async () => {
    await page.goto('/login');
    await signIn(page, 'admin.kemenkeu');
    await page.getByTestId('nav-pengguna').click();
    await page.getByTestId('user-search').fill('tim.kpknl');
    await page.getByTestId('user-table').getByRole('link', { name: 'Dewi Lestari' }).click();
    await page.waitForURL(/\/pengguna\/[^/]+$/);
    await page.reload();
    const unit = page.getByTestId('user-unit');
    await unit.waitFor();
    await page.getByTestId('role-table').waitFor();
    watch.assertClean('user page');
    // Give the select time to settle (debounced searches); it must name the unit.
    await page.waitForTimeout(1_000);
    await snap(page, 'admin-09-user-page-unit');
    const shown = await unit.inputValue();
    expect(shown).toContain('Kantor Pelayanan Kekayaan Negara dan Lelang (KPKNL) Bandung');
    expect(shown).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });
});
