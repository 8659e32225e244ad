/**
 * The dashboard in real Chromium against the built service (`newstone serve`, sample corpus loaded on start).
 * Every check compares what the page shows with what the API answers, so a chart that drifts from its data fails.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchBrowser, screenshotDir, type Browser } from '../support/browser.js';
import { repoRoot, startService, type RunningService } from '../support/service.js';

interface ToneRow {
  key: string;
  label: string;
  count: number;
  mean: number;
  ciLow: number;
  ciHigh: number;
}

interface QuoteItem {
  id: string;
  text: string;
  articleId: string;
  speaker: { id: string; name: string } | null;
}

const screenshots = screenshotDir(repoRoot);
/** Markup that would run if the page ever put quote text into innerHTML. */
const markup = `<img src=x onerror='window.__pwned=1'><script>window.__pwned=2</script>`;

/** The same signed two-decimal format the dashboard uses (with a real minus sign). */
function tone(value: number): string {
  const fixed = Math.abs(value).toFixed(2);
  return fixed === '0.00' ? '0.00' : `${value < 0 ? '−' : '+'}${fixed}`;
}

let service: RunningService;
let browser: Browser;
let page: Page;
let errors: string[];
/** The article the add-article test stored, for the quote explorer test after it. */
let addedArticleUrl = '';

async function api<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(`${service.url}${path}`, init);
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** The aria-labels of a chart's linked marks, in document order. */
async function markLabels(chart: string): Promise<string[]> {
  await page.locator(`[data-chart="${chart}"] svg`).first().waitFor();
  return page.locator(`[data-chart="${chart}"] a`).evaluateAll((links) =>
    links.map((link) => link.getAttribute('aria-label') ?? link.querySelector('[aria-label]')?.getAttribute('aria-label') ?? ''),
  );
}

/** The speakers the overview shows by default: the 20 with the most quotes, ordered by mean tone. */
function defaultSpeakerRows(rows: readonly ToneRow[]): ToneRow[] {
  const busiest = [...rows].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)).slice(0, 20);
  return busiest.sort((a, b) => b.mean - a.mean || b.count - a.count);
}

async function expectNoPageErrors(where: string): Promise<void> {
  expect(errors, `errors on ${where}`).toEqual([]);
}

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  service = await startService();
  browser = await launchBrowser();
  page = await browser.context.newPage();
  errors = collectPageErrors(page);
});

afterAll(async () => {
  await browser?.close();
  await service?.stop();
});

/**
 * The "Also called" list shows each alias once (however many articles merged it), and every merge the API reports
 * as "alias → into — reasons" on its alias's line.
 */
function expectAliasLines(lines: readonly string[], detail: { aliases: readonly string[]; merges: readonly { alias: string; into: string; reason: string }[] }): void {
  const names = lines.map((line) => line.split(' → ')[0]!.trim());
  expect(new Set(names).size, `each alias once: ${names.join(' | ')}`).toBe(names.length);
  expect(new Set(names)).toEqual(new Set([...detail.aliases, ...detail.merges.map((merge) => merge.alias)]));
  for (const merge of detail.merges) {
    const line = lines.find((text) => text.startsWith(`${merge.alias} → `));
    expect(line, `a line for ${merge.alias}`).toBeDefined();
    expect(line).toContain(merge.into);
    expect(line).toContain(merge.reason);
  }
}

describe('overview', () => {
  it('draws tone by speaker from the API, bar for bar', async () => {
    const { items } = await api<{ items: ToneRow[] }>('/api/tone?by=speaker');
    expect(items.length).toBeGreaterThanOrEqual(10);
    await page.goto(`${service.url}/#/`);
    const labels = await markLabels('speaker-tone');
    const expected = defaultSpeakerRows(items).map(
      (row) => `${row.label}: mean tone ${tone(row.mean)}, 95% CI ${tone(row.ciLow)} to ${tone(row.ciHigh)}, ${row.count.toLocaleString('en-US')} quotes`,
    );
    expect(labels).toEqual(expected);
    const russia = (await api<{ items: ToneRow[] }>('/api/tone?by=country')).items.find((row) => row.key === 'RU');
    expect(russia).toBeDefined();
    await page.locator('[data-chart="world-map"] svg[aria-label]').waitFor();
    expect(await markLabels('world-map')).toContain(`Russia (RU): mean tone ${tone(russia!.mean)}, ${russia!.count.toLocaleString('en-US')} quotes`);
    await page.screenshot({ path: join(screenshots, 'overview.png'), fullPage: true });
    await expectNoPageErrors('the overview');
  });

  it('shows tone by country in its table with the same numbers as the API', async () => {
    const { items } = await api<{ items: ToneRow[] }>('/api/tone?by=country');
    const card = page.locator('[data-card="country-tone"]');
    await card.getByRole('button', { name: 'Table' }).click();
    const rows = await card.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({ key: tr.getAttribute('data-key'), cells: [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim()) })),
    );
    const expected = [...items]
      .sort((a, b) => b.mean - a.mean || b.count - a.count)
      .map((row) => ({ key: row.key, mean: tone(row.mean), count: row.count.toLocaleString('en-US') }));
    expect(rows.map((row) => ({ key: row.key, mean: row.cells[0], count: row.cells.at(-1) }))).toEqual(expected);
    expect(items.map((row) => row.key)).toEqual(expect.arrayContaining(['US', 'RU']));
    await card.getByRole('button', { name: 'Chart' }).click();
  });

  it('draws the stance matrix with one cell per API cell, or says there is none', async () => {
    const { items } = await api<{ items: unknown[] }>('/api/stance?by=country');
    const card = page.locator('[data-card="stance-matrix"]');
    if (items.length === 0) {
      await expect.poll(() => card.locator('.state-empty').textContent()).toContain('No stances toward a country or organisation yet');
    } else {
      expect(await markLabels('stance-matrix')).toHaveLength(items.length);
    }
  });

  it('puts a filter in the URL and redraws from the filtered data', async () => {
    const { items } = await api<{ items: ToneRow[] }>('/api/tone?by=speaker&country=RU');
    expect(items.length).toBeGreaterThan(0);
    await page.locator('select[name="country"]').first().selectOption('RU');
    await page.waitForURL(/country=RU/);
    const expected = defaultSpeakerRows(items).map((row) => row.label);
    await expect.poll(async () => (await markLabels('speaker-tone')).map((label) => label.split(': mean tone')[0])).toEqual(expected);
    await page.reload();
    await expect.poll(async () => (await markLabels('speaker-tone')).length).toBe(expected.length);
    await expectNoPageErrors('the filtered overview');
  });

  it('offers the sources as a filter that goes into the URL and redraws every chart from that source', async () => {
    const sources = await api<{ items: { source: string; articleCount: number }[] }>('/api/sources');
    expect(sources.items.length).toBeGreaterThanOrEqual(2);
    const smallest = [...sources.items].sort((a, b) => a.articleCount - b.articleCount || a.source.localeCompare(b.source))[0]!;
    // A fresh load: a hash change alone would keep the previous test's country filter while the router catches up.
    await page.goto('about:blank');
    await page.goto(`${service.url}/#/`);
    const select = page.locator('select[name="source"]').first();
    await expect.poll(() => select.locator('option').allTextContents()).toEqual(['All', ...sources.items.map((row) => row.source)]);
    await select.selectOption(smallest.source);
    await page.waitForURL((url) => new URLSearchParams(url.hash.split('?')[1]).toString() === new URLSearchParams({ source: smallest.source }).toString());
    const source = encodeURIComponent(smallest.source);
    const [all, bySpeaker, byCountry] = await Promise.all([
      api<{ items: ToneRow[] }>('/api/tone?by=speaker'),
      api<{ items: ToneRow[] }>(`/api/tone?by=speaker&source=${source}`),
      api<{ items: ToneRow[] }>(`/api/tone?by=country&source=${source}`),
    ]);
    const expected = defaultSpeakerRows(bySpeaker.items).map((row) => row.label);
    expect(expected).not.toEqual(defaultSpeakerRows(all.items).map((row) => row.label));
    await expect.poll(async () => (await markLabels('speaker-tone')).map((label) => label.split(': mean tone')[0])).toEqual(expected);
    const card = page.locator('[data-card="country-tone"]');
    await card.getByRole('button', { name: 'Table' }).click();
    await expect.poll(() => card.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-key')).sort())).toEqual(
      byCountry.items.map((row) => row.key).sort(),
    );
    await card.getByRole('button', { name: 'Chart' }).click();
    await expectNoPageErrors('the overview filtered by source');
  });

  it('opens the quotes behind a bar when it is clicked', async () => {
    await page.goto(`${service.url}/#/`);
    const { items } = await api<{ items: ToneRow[] }>('/api/tone?by=speaker');
    const first = defaultSpeakerRows(items)[0]!;
    await page.locator('[data-chart="speaker-tone"] a').first().click();
    await page.waitForURL(new RegExp(`#/quotes\\?speaker=${encodeURIComponent(first.key)}`));
    const quotes = await api<{ items: QuoteItem[] }>(`/api/quotes?speaker=${encodeURIComponent(first.key)}&limit=25`);
    await page.locator('.quote-card').first().waitFor();
    const shown = await page.locator('.quote-card').evaluateAll((cards) => cards.map((card) => card.getAttribute('data-quote')));
    expect(shown).toEqual(quotes.items.map((quote) => quote.id));
    const speakers = await page.locator('.quote-card .speaker').allTextContents();
    expect(new Set(speakers)).toEqual(new Set([first.label]));
    await page.screenshot({ path: join(screenshots, 'quotes.png'), fullPage: false });
    await expectNoPageErrors('the quote explorer');
  });
});

describe('pages', () => {
  it('shows a speaker with their quotes', async () => {
    await page.locator('.quote-card .speaker').first().click();
    await page.waitForURL(/#\/speakers\//);
    await page.locator('h1').waitFor();
    await page.locator('.quote-card').first().waitFor();
    const speakerId = decodeURIComponent(/#\/speakers\/([^?]+)/.exec(page.url())?.[1] ?? '');
    const quotes = await api<{ items: { stance: unknown[] }[] }>(`/api/quotes?speaker=${encodeURIComponent(speakerId)}&limit=1000`);
    const stances = quotes.items.reduce((sum, quote) => sum + quote.stance.length, 0);
    const card = page.locator('[data-card="speaker-stance"]');
    await card.getByRole('button', { name: 'Table' }).click();
    const counted = await card.locator('tbody tr td:last-child').allTextContents();
    expect(counted.reduce((sum, text) => sum + Number(text.replace(/,/g, '')), 0)).toBe(stances);
    await card.getByRole('button', { name: 'Chart' }).click();
    const detail = await api<{ aliases: string[]; merges: { alias: string; into: string; reason: string }[] }>(`/api/speakers/${encodeURIComponent(speakerId)}`);
    expectAliasLines(await page.locator('.aliases li').allTextContents(), detail);
    await expectNoPageErrors('the speaker page');
  });

  it('shows each name merged into a speaker with the reason the API gives', async () => {
    type Detail = { id: string; aliases: string[]; merges: { alias: string; into: string; reason: string }[] };
    const { items } = await api<{ items: { id: string }[] }>('/api/speakers?limit=1000');
    const details = await Promise.all(items.map((speaker) => api<Detail>(`/api/speakers/${encodeURIComponent(speaker.id)}`)));
    const merged = details.find((detail) => detail.merges.length > 0);
    expect(merged, 'a speaker of the sample corpus with merged names').toBeDefined();
    await page.goto(`${service.url}/#/speakers/${encodeURIComponent(merged!.id)}`);
    await page.locator('.aliases li').first().waitFor();
    expectAliasLines(await page.locator('.aliases li').allTextContents(), merged!);
    await page.locator('.quote-card').first().waitFor();
    await page.screenshot({ path: join(screenshots, 'speaker.png'), fullPage: false });
    await expectNoPageErrors('a speaker page with merged names');
  });

  it('reads an article with its quotes highlighted and evidence on focus', async () => {
    await page.locator('.quote-card footer a').first().click();
    await page.waitForURL(/#\/articles\//);
    const mark = page.locator('mark.quote').first();
    await mark.waitFor();
    await mark.focus();
    await expect.poll(() => page.locator('.quote-span:focus-within .evidence').isVisible()).toBe(true);
    expect(await page.locator('.quote-span:focus-within .evidence').textContent()).toContain('attributed by:');
    await page.screenshot({ path: join(screenshots, 'article.png'), fullPage: false });
    await expectNoPageErrors('the article reader');
  });

  it('adds a pasted article and ends on its analysis, showing markup in a quote as text', async () => {
    await page.goto(`${service.url}/#/add`);
    const text = [
      'Ministers met in Vienna on Tuesday to discuss the ceasefire.',
      '',
      `“This agreement is a ${markup} wonderful success for peace,” said Anna Berg, the Swedish foreign minister.`,
      '',
      '“We reject these terrible threats,” Russian Foreign Minister Sergei Lavrov told reporters.',
    ].join('\n');
    await page.locator('textarea[name="text"]').fill(text);
    await page.locator('input[name="title"]').fill('Vienna talks (browser test)');
    await page.locator('select[name="format"]').selectOption('text');
    await page.getByRole('button', { name: 'Analyse and store' }).click();
    await page.waitForURL(/#\/articles\//, { timeout: 30_000 });
    addedArticleUrl = page.url();
    await page.locator('mark.quote').first().waitFor();
    expect(await page.locator('h1').textContent()).toBe('Vienna talks (browser test)');
    const article = page.locator('.article-text');
    expect(await article.textContent()).toContain(markup);
    expect(await page.locator('mark.quote', { hasText: 'wonderful success' }).textContent()).toContain(markup);
    expect(await article.locator('img, script').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
    await expectNoPageErrors('the new analysis');
  });

  it('shows markup inside a stored quote as text in the quote explorer', async () => {
    const articleId = decodeURIComponent(/#\/articles\/([^?]+)/.exec(addedArticleUrl)?.[1] ?? '');
    expect(articleId).not.toBe('');
    await page.goto(`${service.url}/#/quotes?article=${encodeURIComponent(articleId)}&q=wonderful`);
    const card = page.locator('.quote-card blockquote').first();
    await card.waitFor();
    expect(await card.textContent()).toContain(markup);
    expect(await page.locator('.quote-card script, .quote-card img').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
    await expectNoPageErrors('the quote explorer with markup');
  });

  it('adds several files, reporting each one, and a bad file loses nothing else', async () => {
    await page.goto(`${service.url}/#/add`);
    await page.locator('input[type="file"]').setInputFiles([
      { name: 'geneva.txt', mimeType: 'text/plain', buffer: Buffer.from('“We made real progress today,” Swiss President Karin Keller-Sutter said in Geneva.') },
      { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"title": "no text here"}') },
      {
        name: 'two.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify([
          { text: '“The sanctions are a disgrace,” the Kremlin spokesman Dmitry Peskov told reporters.', title: 'Peskov' },
          { text: '“Talks will continue next week,” German Chancellor Olaf Scholz said.', title: 'Scholz' },
        ])),
      },
    ]);
    const status = (name: string) => page.locator(`[data-upload="${name}"] .upload-status`);
    await expect.poll(() => status('geneva.txt').textContent(), { timeout: 30_000 }).toBe('Done');
    await expect.poll(() => status('two.json #1 (Peskov)').textContent(), { timeout: 30_000 }).toBe('Done');
    await expect.poll(() => status('two.json #2 (Scholz)').textContent(), { timeout: 30_000 }).toBe('Done');
    expect(await status('broken.json').textContent()).toBe('Failed');
    expect(await page.locator('[data-upload="broken.json"] .upload-error').textContent()).toBe('the JSON: expected a non-empty string "text" field');
    expect(await page.locator('.upload a', { hasText: 'Open the analysis' }).count()).toBe(3);
    await page.screenshot({ path: join(screenshots, 'add-articles.png'), fullPage: true });
    await expectNoPageErrors('the add-articles page with several files');
  });

  it("opens a bar's quotes from the keyboard", async () => {
    await page.goto(`${service.url}/#/`);
    const firstBar = page.locator('[data-chart="speaker-tone"] a').first();
    await firstBar.waitFor();
    await firstBar.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/quotes\?speaker=/);
    await page.locator('.quote-card').first().waitFor();
    await expectNoPageErrors('the quotes opened from the keyboard');
  });

  it('downloads the shown quotes as CSV through the API', async () => {
    const href = await page.locator('a', { hasText: 'Download CSV' }).getAttribute('href');
    expect(href).toMatch(/\/api\/quotes\?.*speaker=.*format=csv/);
    const response = await fetch(new URL(href!, service.url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
  });

  it('says so when an article does not exist', async () => {
    await page.goto(`${service.url}/#/articles/no-such-article`);
    await expect.poll(() => page.locator('[role="alert"]').textContent()).toContain('Not found');
    // The browser logs the 404 response itself; anything else would be a real error.
    expect(errors.filter((error) => !error.includes('404'))).toEqual([]);
    errors.length = 0;
  });

  it('is usable at 360 px wide', async () => {
    await page.setViewportSize({ width: 360, height: 780 });
    await page.goto(`${service.url}/#/`);
    await page.locator('[data-chart="speaker-tone"] svg[aria-label]').waitFor();
    const overflow = (await page.locator('html').evaluate((html) => html.scrollWidth)) - 360;
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(screenshots, 'overview-360.png'), fullPage: false });
    await page.setViewportSize({ width: 1280, height: 900 });
    await expectNoPageErrors('the overview at 360 px');
  });
});

describe('quote explorer', () => {
  /** The quotes on screen as `article/quote` keys, once the list shows `count` of them in a new order. */
  const shownQuotes = () =>
    page.locator('.quote-card').evaluateAll((cards) => cards.map((card) => `${card.getAttribute('data-article')}/${card.getAttribute('data-quote')}`));
  const keys = (items: readonly QuoteItem[]) => items.map((quote) => `${quote.articleId}/${quote.id}`);

  it.each([
    ['newest', 'newest first'],
    ['score', 'most negative first'],
    ['-score', 'most positive first'],
    ['oldest', 'oldest first'],
  ] as const)('sorts every quote through the API (sort=%s, “%s”), page after page', async (sort, label) => {
    await page.goto(`${service.url}/#/quotes`);
    await page.locator('.quote-card').first().waitFor();
    const first = await api<{ items: QuoteItem[]; nextCursor: string }>(`/api/quotes?sort=${sort}&limit=25`);
    const second = await api<{ items: QuoteItem[] }>(`/api/quotes?sort=${sort}&limit=25&cursor=${first.nextCursor}`);
    await page.locator('select[name="sort"]').selectOption({ label });
    if (sort !== 'newest') await page.waitForURL((url) => new URLSearchParams(url.hash.split('?')[1]).get('sort') === sort);
    await expect.poll(shownQuotes).toEqual(keys(first.items));
    await page.getByRole('button', { name: 'Next →' }).click();
    await expect.poll(shownQuotes).toEqual(keys(second.items));
    await expectNoPageErrors(`the quote explorer sorted ${sort}`);
  });
});
