const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

/**
 * A readable name for a country or organisation code: `RU` → `Russia`; codes that are not ISO regions
 * (`NATO`, `OSCE`) stay as they are.
 */
export function countryLabel(code: string): string {
  if (!/^[A-Z]{2}$/.test(code)) return code;
  try {
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
}
