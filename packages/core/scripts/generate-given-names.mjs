// Generates data/given-names.json (the given names every first-name list agrees on, per pronoun, joined by "|":
// some names hold spaces) from the gender-detection-from-name package (MIT), so the runtime carries one compact table
// instead of six lists and the core's browser bundle shrinks by megabytes. Run: node scripts/generate-given-names.mjs
//
// The table holds exactly what the pipeline used to ask the package: a name is `he` (or `she`) when, asked in each of
// its six languages, the package answers "male" (or "female") at least once and never the other; a name the lists
// disagree on, or do not know, is left out (null).
//
// `--check` regenerates the table in memory and fails when data/given-names.json differs from it: the full comparison
// of the shipped table with the package, too slow for a unit test (which checks an even sample).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { getGender } = require('gender-detection-from-name');
const LANGUAGES = ['en', 'fr', 'de', 'es', 'it', 'tr'];

// Every name any list knows: the lists are `new Map([['name', 'gender'], …])` modules.
const names = new Set();
for (const language of LANGUAGES) {
  const list = require(`gender-detection-from-name/names/${language}`);
  for (const name of list.keys()) names.add(name);
}

const he = [];
const she = [];
for (const name of [...names].sort()) {
  const genders = new Set(LANGUAGES.map((language) => getGender(name, language)).filter((gender) => gender === 'male' || gender === 'female'));
  if (genders.size !== 1) continue;
  (genders.has('male') ? he : she).push(name);
}

const version = JSON.parse(readFileSync(require.resolve('gender-detection-from-name/package.json'), 'utf8')).version;
const out = {
  source: `gender-detection-from-name@${version} (MIT), first-name lists en, fr, de, es, it, tr`,
  he: he.join('|'),
  she: she.join('|'),
};
const target = new URL('../data/given-names.json', import.meta.url);
const generated = `${JSON.stringify(out, null, 2)}\n`;
if (process.argv.includes('--check')) {
  const shipped = readFileSync(target, 'utf8');
  if (shipped !== generated) {
    console.error(`${target.pathname} differs from what gender-detection-from-name@${version} gives: run node scripts/generate-given-names.mjs`);
    process.exit(1);
  }
  console.log(`${target.pathname} matches the package: ${he.length} he, ${she.length} she`);
} else {
  writeFileSync(target, generated);
  console.log(`wrote ${target.pathname}: ${he.length} he, ${she.length} she`);
}
