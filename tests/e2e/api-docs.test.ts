/**
 * The API reference at /docs renders in a real (offline) Chromium from assets the service serves itself: every
 * endpoint of the OpenAPI document appears as an operation, and no request leaves the service.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type Browser } from '../support/browser.js';
import { startService, type RunningService } from '../support/service.js';

let service: RunningService;
let browser: Browser;

beforeAll(async () => {
  service = await startService();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await service?.stop();
});

describe('/docs', () => {
  it('shows every operation of /openapi.json, loading nothing from elsewhere', async () => {
    const document = (await (await fetch(`${service.url}/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    const operations = Object.values(document.paths).reduce((sum, item) => sum + Object.keys(item).length, 0);
    const page = await browser.context.newPage();
    const foreign: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(service.url) && !request.url().startsWith('data:')) foreign.push(request.url());
    });
    await page.goto(`${service.url}/docs`);
    await page.locator('.opblock').nth(operations - 1).waitFor({ timeout: 30_000 });
    expect(await page.locator('.opblock').count()).toBe(operations);
    const shown = await page.locator('.opblock-summary-path').allTextContents();
    expect(new Set(shown.map((path) => path.replace(/\u200b/g, '')))).toEqual(new Set(Object.keys(document.paths)));
    expect(foreign).toEqual([]);
    await page.close();
  });
});
