/** Generated at build time from world-countries (see vite.config.ts): ISO 3166 numeric code → alpha-2 code. */
declare module 'virtual:iso-numeric' {
  const alpha2ByNumeric: Readonly<Record<string, string>>;
  export default alpha2ByNumeric;
}
