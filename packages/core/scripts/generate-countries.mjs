// Generates data/countries.json (names, demonyms and capitals → ISO 3166-1 alpha-2) from the world-countries
// package, so the runtime carries a compact table instead of the whole dataset. Run: node scripts/generate-countries.mjs
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const countries = require('world-countries/countries.json');

// Shared demonyms ("American" → US and AS): independent countries win, then UN members, then the first seen.
const rank = (c) => (c.independent ? 2 : 0) + (c.unMember ? 1 : 0);
const sorted = [...countries].sort((a, b) => rank(b) - rank(a) || a.cca2.localeCompare(b.cca2));

const names = {};
const demonyms = {};
const capitals = {};
const put = (table, key, code) => {
  if (key && !(key in table)) table[key] = code;
};
for (const c of sorted) {
  put(names, c.name.common, c.cca2);
  put(names, c.name.official, c.cca2);
  for (const alt of c.altSpellings ?? []) if (alt.length > 3 && /^\p{Lu}/u.test(alt)) put(names, alt, c.cca2);
  put(demonyms, c.demonyms?.eng?.m, c.cca2);
  put(demonyms, c.demonyms?.eng?.f, c.cca2);
  for (const capital of c.capital ?? []) put(capitals, capital, c.cca2);
}

const sortKeys = (o) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
const out = { source: 'world-countries@' + require('world-countries/package.json').version, names: sortKeys(names), demonyms: sortKeys(demonyms), capitals: sortKeys(capitals) };
const target = new URL('../data/countries.json', import.meta.url);
writeFileSync(target, JSON.stringify(out, null, 1) + '\n');
console.log(`wrote ${Object.keys(names).length} names, ${Object.keys(demonyms).length} demonyms, ${Object.keys(capitals).length} capitals`);
