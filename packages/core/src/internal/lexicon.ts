import cities from '../../data/cities.json' with { type: 'json' };
import regions from '../../data/regions.json' with { type: 'json' };
import countries from '../../data/countries.json' with { type: 'json' };
import countryAliases from '../../data/country-aliases.json' with { type: 'json' };
import institutions from '../../data/institutions.json' with { type: 'json' };
import people from '../../data/people.json' with { type: 'json' };
import speech from '../../data/speech.json' with { type: 'json' };
import { describeType, NewstoneError } from './errors.js';

/** Everything the quote and speaker stages know about words, built once from data/*.json. */
export interface Lexicon {
  /** Speech verb forms, lower case: `said`, `told`, `warned`. */
  readonly cueVerbs: ReadonlySet<string>;
  /** Participles that report speech after a comma ("…, adding that"), lower case; also among `cueVerbs`. */
  readonly participles: ReadonlySet<string>;
  /** Verbs that report speech only with a following clause ('welcomed the deal' is not speech). */
  readonly cueVerbsNeedingContent: ReadonlySet<string>;
  /** Verbs that attribute only a quotation in their own sentence ("called the move “reckless”"), lower case. */
  readonly framingVerbs: ReadonlySet<string>;
  /** Multi-word cues that put the speaker after them, lower case: `according to`. */
  readonly cuePhrases: readonly string[];
  /** Verbs that are cues with their particle only, the speaker before them ('shot back', 'pointed out'), lower case. */
  readonly phrasalVerbs: ReadonlySet<string>;
  /** Verbs after which an infinitive cue is the subject's ('went on to say', 'declined to say'), lower case. */
  readonly subjectControlVerbs: ReadonlySet<string>;
  /** Words allowed between a speaker and the cue ('Lavrov also said'). */
  readonly betweenSpeakerAndCue: ReadonlySet<string>;
  /** Verbs by which someone issues a document ('issued a statement calling …'), lower case. */
  readonly issuingVerbs: ReadonlySet<string>;
  /** Documents ('the letter reads', 'a statement calling …'), lower case: they speak as organisations do (they are among
   * `organizations` too) and for whoever issued them. */
  readonly documents: ReadonlySet<string>;
  /** Title and role nouns, lower case. */
  readonly titles: ReadonlySet<string>;
  /** Words that may precede a title, lower case. */
  readonly modifiers: ReadonlySet<string>;
  readonly honorifics: ReadonlySet<string>;
  /** Plural or collective speaker nouns, lower case. */
  readonly groups: ReadonlySet<string>;
  /** Nouns that make a description an organisation ('the ministry'), lower case. */
  readonly organizations: ReadonlySet<string>;
  /** Determiners and quantifiers that may open a speaker description, lower case. */
  readonly quantifiers: ReadonlySet<string>;
  /** Lower-case words inside names ('de', 'van', 'al'). */
  readonly nameParticles: ReadonlySet<string>;
  readonly personPronouns: ReadonlySet<string>;
  readonly groupPronouns: ReadonlySet<string>;
  /** "it said": the latest organisation. */
  readonly organizationPronouns: ReadonlySet<string>;
  /** Capitalised words that are never part of a person's name. */
  readonly notNames: ReadonlySet<string>;
  /** Place and polity words → country code, with the kind of word. */
  readonly places: ReadonlyMap<string, { readonly code: string; readonly rule: PlaceRule }>;
  /** Major news cities that are not capitals → country code, read only in datelines ("CHICAGO —"). */
  readonly cities: ReadonlyMap<string, string>;
  /** Regions of countries (US states, provinces …) → country code: places, never a person's surname ("Florida"). */
  readonly regions: ReadonlyMap<string, string>;
  /** Leader surname → country, for 'the Obama administration'. */
  readonly administrations: ReadonlyMap<string, string>;
  /** Surnames of heads of state and government and the like → what they speak for. */
  readonly leaders: ReadonlyMap<string, string>;
  /** Longest place phrase in words, to bound the phrase matcher. */
  readonly longestPlace: number;
  readonly boilerplate: readonly RegExp[];
}

export type PlaceRule = 'demonym' | 'country-name' | 'capital' | 'institution' | 'international-organization';

type StringTable = Readonly<Record<string, string>>;

function expectStrings(file: string, field: string, value: unknown): readonly string[] {
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string' && item.length > 0)) {
    throw new NewstoneError('invalid-lexicon', `data/${file}: "${field}" must be a list of non-empty strings, found ${describeType(value)}`);
  }
  return value as string[];
}

function expectTable(file: string, field: string, value: unknown): StringTable {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new NewstoneError('invalid-lexicon', `data/${file}: "${field}" must map names to codes, found ${describeType(value)}`);
  }
  for (const [key, code] of Object.entries(value)) {
    if (typeof code !== 'string' || !/^[A-Z][A-Z0-9-]{1,5}$/.test(code)) {
      throw new NewstoneError('invalid-lexicon', `data/${file}: "${field}.${key}" must be a country or organisation code like "US" or "NATO"`);
    }
  }
  return value as StringTable;
}

const lower = (words: readonly string[]) => new Set(words.map((word) => word.toLowerCase()));

/** The raw shape of the data files, as a test or a caller may pass them. */
export interface LexiconSources {
  readonly cities: unknown;
  readonly regions?: unknown;
  readonly countries: unknown;
  readonly countryAliases: unknown;
  readonly institutions: unknown;
  readonly people: unknown;
  readonly speech: unknown;
}

const field = (source: unknown, name: string): unknown =>
  typeof source === 'object' && source !== null ? (source as Record<string, unknown>)[name] : undefined;

/**
 * Builds the lexicon from data files, checking each file's shape with a message that names the file and field.
 *
 * @example
 * const lexicon = createLexicon(); // the bundled data
 */
export function createLexicon(sources: LexiconSources = { cities, regions, countries, countryAliases, institutions, people, speech }): Lexicon {
  const places = new Map<string, { code: string; rule: PlaceRule }>();
  const addPlaces = (table: StringTable, rule: PlaceRule) => {
    for (const [name, code] of Object.entries(table)) places.set(name, { code, rule });
  };
  // Later tables win: generated data first, hand-made aliases and institutions over it.
  addPlaces(expectTable('countries.json', 'capitals', field(sources.countries, 'capitals')), 'capital');
  addPlaces(expectTable('countries.json', 'names', field(sources.countries, 'names')), 'country-name');
  addPlaces(expectTable('countries.json', 'demonyms', field(sources.countries, 'demonyms')), 'demonym');
  addPlaces(expectTable('country-aliases.json', 'capitals', field(sources.countryAliases, 'capitals')), 'capital');
  addPlaces(expectTable('country-aliases.json', 'names', field(sources.countryAliases, 'names')), 'country-name');
  addPlaces(expectTable('country-aliases.json', 'demonyms', field(sources.countryAliases, 'demonyms')), 'demonym');
  addPlaces(expectTable('institutions.json', 'institutions', field(sources.institutions, 'institutions')), 'institution');
  addPlaces(
    expectTable('institutions.json', 'internationalOrganizations', field(sources.institutions, 'internationalOrganizations')),
    'international-organization',
  );
  const listedParticiples = field(sources.speech, 'participles');
  const participles = lower(listedParticiples === undefined ? [] : expectStrings('speech.json', 'participles', listedParticiples));
  const boilerplate = expectStrings('people.json', 'boilerplate', field(sources.people, 'boilerplate')).map((pattern) => {
    try {
      return new RegExp(pattern, 'iu');
    } catch (cause) {
      throw new NewstoneError('invalid-lexicon', 'data/people.json: "boilerplate" holds a pattern that is not a valid regular expression', { cause });
    }
  });
  let longestPlace = 1;
  for (const name of places.keys()) longestPlace = Math.max(longestPlace, name.split(/\s+/).length);
  return {
    cueVerbs: new Set([...lower(expectStrings('speech.json', 'verbs', field(sources.speech, 'verbs'))), ...participles]),
    participles,
    cueVerbsNeedingContent: lower(expectStrings('speech.json', 'reportingVerbsNeedingContent', field(sources.speech, 'reportingVerbsNeedingContent'))),
    framingVerbs: lower(expectStrings('speech.json', 'framingVerbs', field(sources.speech, 'framingVerbs'))),
    cuePhrases: expectStrings('speech.json', 'phrases', field(sources.speech, 'phrases')).map((p) => p.toLowerCase()),
    phrasalVerbs: lower(expectStrings('speech.json', 'phrasalVerbs', field(sources.speech, 'phrasalVerbs'))),
    subjectControlVerbs: lower(expectStrings('speech.json', 'subjectControlVerbs', field(sources.speech, 'subjectControlVerbs'))),
    betweenSpeakerAndCue: new Set(expectStrings('speech.json', 'between', field(sources.speech, 'between'))),
    issuingVerbs: lower(expectStrings('speech.json', 'issuingVerbs', field(sources.speech, 'issuingVerbs'))),
    documents: lower(expectStrings('people.json', 'documents', field(sources.people, 'documents'))),
    titles: lower(expectStrings('people.json', 'titles', field(sources.people, 'titles'))),
    modifiers: lower(expectStrings('people.json', 'modifiers', field(sources.people, 'modifiers'))),
    honorifics: new Set(expectStrings('people.json', 'honorifics', field(sources.people, 'honorifics'))),
    // A document ("the letter reads", "the report said") speaks as an organisation does.
    organizations: lower([
      ...expectStrings('people.json', 'organizations', field(sources.people, 'organizations')),
      ...expectStrings('people.json', 'documents', field(sources.people, 'documents')),
    ]),
    quantifiers: lower(expectStrings('people.json', 'quantifiers', field(sources.people, 'quantifiers'))),
    nameParticles: lower(expectStrings('people.json', 'nameParticles', field(sources.people, 'nameParticles'))),
    groups: lower(expectStrings('people.json', 'groups', field(sources.people, 'groups'))),
    personPronouns: lower(expectStrings('people.json', 'personPronouns', field(sources.people, 'personPronouns'))),
    groupPronouns: lower(expectStrings('people.json', 'groupPronouns', field(sources.people, 'groupPronouns'))),
    organizationPronouns: lower(expectStrings('people.json', 'organizationPronouns', field(sources.people, 'organizationPronouns'))),
    notNames: new Set(expectStrings('people.json', 'notNames', field(sources.people, 'notNames'))),
    places,
    cities: new Map(Object.entries(expectTable('cities.json', 'cities', field(sources.cities, 'cities')))),
    regions: new Map(sources.regions === undefined ? [] : Object.entries(expectTable('regions.json', 'regions', field(sources.regions, 'regions')))),
    administrations: new Map(Object.entries(expectTable('institutions.json', 'administrations', field(sources.institutions, 'administrations')))),
    leaders: new Map(Object.entries(expectTable('institutions.json', 'leaders', field(sources.institutions, 'leaders')))),
    longestPlace,
    boilerplate,
  };
}
