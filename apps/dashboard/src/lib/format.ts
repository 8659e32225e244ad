/** Number and name formatting shared by charts, tables and labels, so a chart and its table always agree. */

const regionNames = typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames(['en'], { type: 'region' }) : null;

/**
 * A readable name for a country or organisation code: ISO 3166 alpha-2 codes through the browser's own
 * region names; organisation codes (`NATO`, `EU`) stay as they are, which is how news writes them.
 *
 * @example countryName('RU') // 'Russia'
 */
export function countryName(code: string | null | undefined): string {
  if (!code) return 'Unknown';
  if (/^[A-Z]{2}$/.test(code)) {
    try {
      return regionNames?.of(code) ?? code;
    } catch {
      return code;
    }
  }
  return code;
}

/** A name with its code when they differ: `Russia (RU)`. */
export function countryLabel(code: string | null | undefined, label?: string | null): string {
  const name = label && label !== code ? label : countryName(code);
  return code && name !== code ? `${name} (${code})` : name;
}

/** Signed, two decimals, with a real minus sign: `+1.25`, `−0.50`, `0.00`. */
export function formatTone(value: number): string {
  const fixed = Math.abs(value).toFixed(2);
  if (fixed === '0.00') return '0.00';
  return `${value < 0 ? '−' : '+'}${fixed}`;
}

/** A quote's own score: whole numbers stay whole (`+3`, `−2`), anything else as `formatTone`. */
export function formatScore(value: number): string {
  if (!Number.isInteger(value)) return formatTone(value);
  return value === 0 ? '0' : `${value < 0 ? '−' : '+'}${Math.abs(value)}`;
}

/** `n = 12` style counts with thousands separators. */
export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}

/**
 * A count with its noun, singular or plural: `1 quote`, `1,204 quotes`.
 *
 * @example
 * countOf(1, 'quote'); // '1 quote'
 */
export function countOf(count: number, noun: string): string {
  return `${formatCount(count)} ${noun}${count === 1 ? '' : 's'}`;
}

/** A 0…1 share as a whole percentage. */
export function formatShare(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** An ISO date or date-time as `5 Feb 2025`; anything else unchanged. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!day) return value;
  const date = new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])));
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}
