/**
 * Journey support: start the real server (npm start's entry) on a free port with a fresh
 * embedded database and the demo seed, and launch Debian Chromium through playwright-core.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type ConsoleMessage, type Locator, type Page } from 'playwright-core';

const ROOT = resolve(import.meta.dirname, '..');

async function freePort(): Promise<number> {
  return new Promise((res) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => res(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

export interface RunningServer {
  url: string;
  stop: () => Promise<void>;
}

export async function startServer(): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'zona-e2e-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'apps/server/src/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', ZONA_DEMO: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start:\n${output}`)), 90_000);
    const onData = (d: Buffer) => {
      output += d.toString();
      if (output.includes('Siap / ready')) {
        clearTimeout(timer);
        ok();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`server exited (${code}):\n${output}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        // A server that does not stop within 10 s is killed, so a journey run never hangs.
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/** Password of every demo account (README "Demo accounts"). */
export const DEMO_PASSWORD = 'zona-demo';

export interface Problem {
  kind: 'console' | 'pageerror' | 'csp';
  page: string;
  text: string;
}

/**
 * Problems that are reported to the project as bugs and tolerated here until fixed, each
 * matched exactly and printed as a warning on every run; anything else fails the journey.
 * Remove an entry when its bug is fixed.
 */
export const KNOWN_PROBLEMS: { kind: Problem['kind']; pattern: RegExp; bug: string }[] = [];

/**
 * The one console error a healthy app shows: the browser logs the session probe's
 * `GET /api/auth/me` → 401 on the sign-in page ("Failed to load resource … 401"). It is the
 * contract's answer for "no session", not a fault; every other console error is.
 */
function expectedConsoleError(msg: ConsoleMessage): boolean {
  let path = '';
  try {
    path = new URL(msg.location().url ?? '').pathname;
  } catch {
    return false;
  }
  return path === '/api/auth/me' && msg.text().includes('status of 401');
}

/**
 * Watches every page of a context for console errors, uncaught exceptions and Content Security
 * Policy violations (the `securitypolicyviolation` DOM event, reported through a binding so it
 * survives navigations — a blocked `new Function` inside a try/catch logs nothing to the
 * console; Chromium's "… violates the following Content Security Policy directive" console
 * line, where there is one, is caught as a console error too). `assertClean(step)` fails with
 * every problem seen so far, naming the page.
 */
export class ProblemWatch {
  readonly problems: Problem[] = [];
  /** Problems matching KNOWN_PROBLEMS (reported bugs), kept apart and warned about. */
  readonly known: (Problem & { bug: string })[] = [];

  private add(problem: Problem): void {
    const known = KNOWN_PROBLEMS.find((k) => k.kind === problem.kind && k.pattern.test(problem.text));
    if (!known) {
      this.problems.push(problem);
      return;
    }
    if (!this.known.some((k) => k.bug === known.bug)) console.warn(`[e2e] known bug seen on ${problem.page}: ${known.bug}`);
    this.known.push({ ...problem, bug: known.bug });
  }

  static async attach(context: BrowserContext): Promise<ProblemWatch> {
    const watch = new ProblemWatch();
    await context.exposeBinding('__zonaCspViolation', ({ page }, text: string) => {
      watch.add({ kind: 'csp', page: page.url(), text });
    });
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        const report = (window as unknown as { __zonaCspViolation?: (t: string) => void }).__zonaCspViolation;
        report?.(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
      });
    });
    context.on('page', (page) => watch.watchPage(page));
    for (const page of context.pages()) watch.watchPage(page);
    return watch;
  }

  private watchPage(page: Page): void {
    page.on('console', (msg) => {
      if (msg.type() !== 'error' || expectedConsoleError(msg)) return;
      const where = msg.location().url ? ` (${msg.location().url})` : '';
      this.add({ kind: 'console', page: page.url(), text: `${msg.text()}${where}` });
    });
    page.on('pageerror', (error) => {
      this.add({ kind: 'pageerror', page: page.url(), text: error.stack ?? error.message });
    });
  }

  /** Throws when any console error, page error or CSP violation has been seen. */
  assertClean(step: string): void {
    if (this.problems.length === 0) return;
    const lines = this.problems.map((p) => `  [${p.kind}] on ${p.page}: ${p.text}`).join('\n');
    throw new Error(`${step}: the browser reported ${this.problems.length} problem(s):\n${lines}`);
  }
}

/** Screenshots for a person to look at: only when E2E_SCREENSHOTS names a directory (never the repo). */
export async function snap(page: Page, name: string, target?: Locator): Promise<void> {
  const dir = process.env.E2E_SCREENSHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  // What a person sees: the viewport, or one element of the page.
  if (target) await target.screenshot({ path });
  else await page.screenshot({ path });
}

/** Signs in through the login form, as a person would, and waits until the app has left /login. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => url.pathname !== '/login');
}
