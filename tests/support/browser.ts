import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium (never a browser a test tool downloads); `CHROMIUM_PATH` overrides. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The flags that make Debian's Chromium start headless, offline and quietly in a container (TOOLCHAIN pitfall 6). */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

export interface Browser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Launches Chromium on a fresh temporary profile. Throws (never skips) when Chromium is missing or cannot
 * start, so a broken browser setup fails the run.
 */
export async function launchBrowser(options: { readonly width?: number; readonly height?: number } = {}): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium not found at ${chromiumPath}: run scripts/ensure-chromium.mjs (apt-get install chromium) or set CHROMIUM_PATH`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'newstone-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      headless: true,
      args: [...chromiumArgs],
      viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
      timeout: 60_000,
    });
  } catch (cause) {
    rmSync(profile, { recursive: true, force: true });
    throw new Error(`Chromium at ${chromiumPath} did not start`, { cause });
  }
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Collects everything a page reports as an error: console errors, uncaught exceptions and failed requests.
 * Tests assert the list is empty after visiting each page.
 */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => {
    // A download the test starts itself is aborted by design once its response arrives.
    if (request.failure()?.errorText === 'net::ERR_ABORTED' && request.url().includes('format=csv')) return;
    errors.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`);
  });
  return errors;
}

/**
 * Where browser tests write their screenshots: `tests/artifacts/screenshots/` (ignored by git) on every run, or
 * `docs/screenshots/` when `NEWSTONE_SCREENSHOTS=docs` (what `pnpm screenshots` sets to refresh the README's
 * pictures), so a test run never leaves the tree dirty. Any other value is a mistake and throws.
 */
export function screenshotDir(repoRoot: string, setting: string | undefined = process.env.NEWSTONE_SCREENSHOTS): string {
  if (setting === undefined || setting === '' || setting === 'artifacts') return join(repoRoot, 'tests/artifacts/screenshots');
  if (setting === 'docs') return join(repoRoot, 'docs/screenshots');
  throw new Error('NEWSTONE_SCREENSHOTS: expected "docs", "artifacts" or nothing');
}
