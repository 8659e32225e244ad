import { createHash } from 'node:crypto';

/**
 * The id of an article: a hash of its content, so the same text stored twice is one article. Line endings,
 * Unicode composition and surrounding white space do not change the id.
 *
 * @example
 * articleId('“We will not wait,” Lavrov said.'); // 'a1b2…' (32 hex digits)
 */
export function articleId(text: string): string {
  const normalised = text.normalize('NFC').replace(/\r\n?/g, '\n').trim();
  return createHash('sha256').update(normalised, 'utf8').digest('hex').slice(0, 32);
}
