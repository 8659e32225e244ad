import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

/** What the HTML gave: the article's text (paragraphs separated by blank lines) and its title. */
export interface HtmlArticle {
  readonly text: string;
  readonly title: string | null;
}

/** The few DOM members used here, so the package needs no DOM type library. */
interface DomElement {
  readonly textContent: string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): Iterable<DomElement>;
}

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, dt, dd, td, th';

function blockText(root: DomElement): string {
  const blocks = [...root.querySelectorAll(BLOCKS)].filter((element) => !element.querySelector(BLOCKS));
  const paragraphs = (blocks.length ? blocks : [root]).map((element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim());
  return paragraphs.filter((paragraph) => paragraph.length > 0).join('\n\n');
}

/**
 * Extracts an article's main text from HTML with a real parser (linkedom) and Mozilla's Readability (the Firefox
 * Reader View algorithm), one paragraph per block element; falls back to the whole body when Readability finds no
 * article. Runs in Node and in a browser.
 *
 * @example
 * extractHtmlText('<html><body><article><h1>T</h1><p>“Yes,” he said.</p></article></body></html>').text;
 */
export function extractHtmlText(html: string): HtmlArticle {
  const { document } = parseHTML(/<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`);
  const title = document.querySelector('title')?.textContent?.trim() || document.querySelector('h1')?.textContent?.trim() || null;
  for (const element of document.querySelectorAll('script, style, noscript, template')) element.remove();
  let article: ReturnType<Readability['parse']> = null;
  try {
    article = new Readability(document.cloneNode(true) as unknown as ConstructorParameters<typeof Readability>[0], { charThreshold: 200 }).parse();
  } catch {
    article = null;
  }
  if (article?.content) {
    const { document: content } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
    const text = blockText(content.body as unknown as DomElement);
    if (text) return { text, title: article.title?.trim() || title };
  }
  return { text: document.body ? blockText(document.body as unknown as DomElement) : '', title };
}
