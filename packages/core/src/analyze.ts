import type { Analysis, ArticleInput, Quote, Span, Speaker } from './model/analysis.js';
import type { ArticleDraft, Draft, DraftMention, SpeechParagraph } from './model/draft.js';
import { readArticle } from './input/read-article.js';
import { createLexicon } from './internal/lexicon.js';
import { createSentenceTokens, tokenize, type Token } from './internal/tokenize.js';
import { indexOfSpan, mergeSpans } from './internal/spans.js';
import { classifyQuotes } from './quotes/classify-quotes.js';
import { findQuoteSpans } from './quotes/find-quote-spans.js';
import { findQuotedTranscript } from './quotes/find-quoted-transcript.js';
import { findHeadingLabels } from './quotes/find-heading-labels.js';
import { findStatements } from './quotes/find-statements.js';
import { findTurns } from './quotes/find-turns.js';
import { readTone, scoreSentiment, type ToneReading } from './scoring/score-sentiment.js';
import { scoreQuoteStances } from './scoring/score-stances.js';
import { createStanceLexicon } from './scoring/stance-lexicon.js';
import { loadToneLexicon } from './scoring/tone-lexicon.js';
import { attributeCountry } from './speakers/attribute-country.js';
import { attributeQuotes } from './speakers/attribute-quotes.js';
import { attributeQuotesInSpeech } from './speakers/attribute-quotes-in-speech.js';
import { buildSpeakers } from './speakers/build-speakers.js';
import { findIndirectSpeech } from './speakers/find-indirect-speech.js';
import { createGivenNamePronouns } from './speakers/given-name-pronouns.js';
import { findSpeechEvents } from './speakers/find-speech-events.js';
import { findNamedMentions, findSubjectMentions, findTitledMentions } from './speakers/find-subject-mentions.js';
import { describeSpeakerPhrase, describeTurnLabel, shiftPhrase, type SpeakerPhrase } from './speakers/parse-speaker-phrase.js';
import { resolveMentions, type Mention, type Resolution } from './speakers/resolve-speakers.js';
import { chooseSpeakers, loadAttributionModel } from './speakers/choose-speakers.js';
import { findBoilerplate } from './text/find-boilerplate.js';
import { findDateline } from './text/find-dateline.js';
import { findHeadline } from './text/find-headline.js';
import { findParagraphs } from './text/find-paragraphs.js';
import { findSentences } from './text/find-sentences.js';

/** Bumped whenever the pipeline would answer differently for the same input. */
export const PIPELINE_VERSION = '1.11.0';

// The only place the data files are loaded; every stage below is handed what it needs.
const lexicon = createLexicon();
const tone = loadToneLexicon();
const stanceLexicon = createStanceLexicon(lexicon.places, lexicon.administrations, undefined, tone);
const pronounOfGivenName = createGivenNamePronouns();
const attributionModel = loadAttributionModel();

/**
 * Analyses one article: every quotation with its exact span and kind, who said it (name, role, organisation,
 * country, each decision with its rule and evidence), and its tone.
 *
 * @example
 * const analysis = analyzeArticle({ text: '“We will not wait forever,” Russian Foreign Minister Sergei Lavrov said.' });
 * analysis.quotes[0].speaker; // { name: 'Sergei Lavrov', role: 'Russian Foreign Minister', country: 'RU', … }
 */
export function analyzeArticle(input: ArticleInput | string): Analysis {
  const state = draftArticle(input);
  chooseSpeakers(state, attributionModel); // the learned decision: which candidate speaks each quotation
  attributeQuotesInSpeech(state); // inside a turn or statement: the person a cue names, else the one speaking
  return finishAnalysis(state);
}

/**
 * Reads an article up to the speaker decision: paragraphs, quotations and their kinds, speech cues, every mention
 * with its resolved identity, and each quotation's rule-based attribution. `analyzeArticle` then chooses the speakers;
 * the attribution trainer reads the same draft.
 */
export function draftArticle(input: ArticleInput | string): ArticleDraft {
  const article = readArticle(input); // plain text, or the main text extracted from HTML
  const { text } = article;
  const paragraphs = findParagraphs(text); // paragraph spans: quotes never run past one unmarked
  const boilerplate = findBoilerplate(text, paragraphs, lexicon.boilerplate); // "Leave a Comment": left out
  const body = paragraphs.filter((paragraph) => !boilerplate.includes(paragraph));
  const headline = findHeadline(text, body, article.title); // a quote there is a heading
  const turns = findTurns(text, body); // transcript turns are speech in themselves
  const statements = turns.length > 0 ? [] : findStatements(text, body, headline, paragraphs); // so is a statement by its named author
  const marked = findQuoteSpans(text, body); // quotation marks, at character level (inside turns too)
  const sentences = findSentences(text, body, marked); // sentences that never cut a quote
  const inSpeech = new Set([...turns, ...statements].map((unit) => unit.paragraph));
  // Prose: neither the headline nor a turn or statement. Decided once per sentence, for the cue and subject stages;
  // cues are read inside speech too, for the quotations a speaker quotes ("as Secretary Blinken said, “…”").
  const paragraphOf = sentences.map((sentence) => indexOfSpan(body, sentence.start));
  const isProse = paragraphOf.map((paragraph) => paragraph !== headline && !inSpeech.has(paragraph));
  const tokensOf = createSentenceTokens(text); // each sentence tokenised once, for every speaker stage below
  // Inside speech only the sentences with a quotation need their cues: most of a transcript is read for nothing else.
  const quoting = new Set(marked.map((span) => indexOfSpan(sentences, span.open)));
  const events = findSpeechEvents(text, sentences, marked, lexicon, tokensOf, (s) => isProse[s]! || (quoting.has(s) && paragraphOf[s] !== headline)); // "X said", "said X, a …"
  const cueSentences = new Set(events.map((event) => event.sentence));
  // "We said it was “a grave mistake.”" inside a turn: the speaker quoting themselves is a cue there too.
  for (const s of quoting) if (!isProse[s] && paragraphOf[s] !== headline && quotesThemselves(tokensOf(sentences[s]!))) cueSentences.add(s);
  const classified = classifyQuotes(text, marked, body, sentences, (s) => cueSentences.has(s), headline); // direct, partial, heading, scare
  const attributions = attributeQuotes(text, classified, events, body); // which cue or earlier quote speaks
  const quotedTurns = findQuotedTranscript(text, classified, body); // "“PENCE: Well, look …": a transcript quoted in news
  const headingLabels = findHeadingLabels(text, classified, body, lexicon); // "Kasich: ‘We Are Going …’": a headline names who speaks
  const quotedSentences = new Set(classified.map((quote) => quote.sentence));
  // Reported speech without marks, in prose only: a turn or statement is reported whole.
  const indirect = findIndirectSpeech(text, sentences, events, quotedSentences).filter((speech) => isProse[events[speech.event]!.sentence]!);
  const proseSentences = sentences.filter((_, index) => isProse[index]!);

  // Every phrase that names someone, in text order, so pronouns and surnames resolve to what came before.
  const titled = findTitledMentions(text, sentences, lexicon, tokensOf); // before subjects: they read whole sentences, subjects only openings
  const mentions: DraftMention[] = [
    ...events.map((event, index) => ({ phrase: event.phrase, antecedent: true, at: event.phrase.span.start, source: 'cue' as const, event: index })),
    ...findSubjectMentions(text, proseSentences, lexicon, tokensOf).map(subjectMention),
    ...titled.map((phrase) => ({ phrase, antecedent: false, at: phrase.span.start, source: 'titled' as const, event: null })),
    ...turns.flatMap((turn) => (turn.label && turn.start > turn.label.start && turn.label.start === body[turn.paragraph]!.start ? labelMention(text, turn.label) : [])),
    ...(statements[0] ? phraseMention(text, statements[0].author, 'author') : []),
    ...quotedTurns.flatMap((turn) => ('label' in turn ? labelMention(text, turn.label) : [])),
    ...headingLabels.flatMap(({ label }) => phraseMention(text, label, 'label')),
  ];
  // Names no other stage read ("two voters, Tyresha McClenney and Bryan Anderson, who …"): the people a later
  // "Anderson largely agreed" or "Anderson said" means, named in full. They are no antecedent of a pronoun (an object
  // or a name in a list is seldom the "he" of the next quotation: measured, it cost more than it gained) and the speaker
  // decision never weighs them.
  const blocked = mergeSpans([
    ...marked.map((span) => ({ start: span.open, end: span.close === null ? span.end : span.close + 1 })),
    ...mentions.map((mention) => mention.phrase.span),
  ]);
  for (const phrase of findNamedMentions(text, proseSentences, lexicon, pronounOfGivenName, blocked)) {
    mentions.push({ phrase, antecedent: false, at: phrase.span.start, source: 'named', event: null });
  }
  const eventMention = events.map((_, index) => index);
  const order = mentions.map((_, index) => index).sort((a, b) => mentions[a]!.at - mentions[b]!.at || a - b);
  const resolved = resolveMentions(order.map((index) => mentions[index]!), pronounOfGivenName); // pronouns, surnames, variants
  const resolutionOf: Resolution[] = [];
  order.forEach((index, position) => (resolutionOf[index] = resolved.resolutions[position]!));
  // Transcript labels, and the labels of a transcript quoted in news, each read as the mention at its start.
  const labelStarts = new Set([
    ...turns.map((turn) => turn.label?.start),
    ...quotedTurns.map((turn) => ('label' in turn ? turn.label.start : undefined)),
    ...headingLabels.map(({ label }) => label.start),
  ]);
  const labelMentionAt = new Map<number, number>();
  mentions.forEach((mention, index) => {
    if (mention.source === 'author' || (labelStarts.has(mention.at) && mention.phrase.span.start >= mention.at)) labelMentionAt.set(mention.at, index);
  });
  const speech: SpeechParagraph[] = [
    ...turns.map((turn): SpeechParagraph => ({
      start: turn.start, end: turn.end, kind: 'turn', paragraph: turn.paragraph,
      speaker: turn.label ? (labelMentionAt.get(turn.label.start) ?? null) : null,
      cue: turn.label ? { ...turn.label, text: text.slice(turn.label.start, turn.label.end) } : null,
      rule: 'transcript-label', confidence: 0.95,
    })),
    ...statements.map((statement): SpeechParagraph => ({
      start: statement.start, end: statement.end, kind: 'statement', paragraph: statement.paragraph,
      speaker: labelMentionAt.get(statement.author.start) ?? null,
      cue: { ...statement.author, text: text.slice(statement.author.start, statement.author.end) },
      rule: statement.rule, confidence: statement.rule === 'statement-title' ? 0.9 : 0.85,
    })),
  ];

  // Index-aligned with `classified` (scare quotes stay as null) so continuations can point at earlier drafts.
  const drafts: (Draft | null)[] = [];
  classified.forEach((quote, index) => {
    if (quote.kind === 'scare') return drafts.push(null);
    const attribution = attributions[index]!;
    const event = attribution.event === null ? null : events[attribution.event]!;
    drafts.push({
      start: quote.start, end: quote.end, kind: quote.kind, cue: event?.cue ?? null,
      mention: attribution.event === null ? null : eventMention[attribution.event]!,
      sameAs: attribution.quote, rule: attribution.rule, confidence: attribution.confidence, features: null, settled: false,
    });
  });
  // A quoted transcript's paragraph is its label's, or goes on the turn before it: no cue nearby decides otherwise.
  for (const turn of quotedTurns) {
    const draft = drafts[turn.quote];
    if (!draft) continue;
    const mention = 'label' in turn ? (labelMentionAt.get(turn.label.start) ?? null) : null;
    if ('label' in turn && mention === null) continue; // a label read as no one: the usual decision stands
    drafts[turn.quote] = 'label' in turn
      ? { ...draft, cue: { ...turn.label, text: text.slice(turn.label.start, turn.label.end) }, mention, sameAs: null, rule: 'quoted-transcript-label', confidence: 0.95, settled: true }
      : { ...draft, cue: null, mention: null, sameAs: turn.continues, rule: 'quoted-transcript-turn', confidence: 0.9, settled: true };
  }
  // A heading no later quotation repeats goes to the label it opens with, when the label is someone the article
  // names again ("Kasich: …" and "Ohio Gov. John Kasich"), not a topic ("Brexit: ‘Time Is Running Out’").
  // Named again: by a cue, or in two words or more ("Kasich" alone opening a sentence is no evidence).
  const namedAgain = new Set<string>();
  if (headingLabels.length > 0) mentions.forEach((mention, index) => {
    const entity = resolutionOf[index]?.entity;
    if (entity && mention.source !== 'label' && (mention.source === 'cue' || mention.phrase.name.includes(' '))) namedAgain.add(entity);
  });
  for (const { quote, label } of headingLabels) {
    const draft = drafts[quote];
    const mention = labelMentionAt.get(label.start);
    const entity = mention === undefined ? null : (resolutionOf[mention]?.entity ?? null);
    if (!draft || draft.rule !== 'unattributed' || mention === undefined || entity === null || !namedAgain.has(entity)) continue;
    drafts[quote] = { ...draft, cue: { ...label, text: text.slice(label.start, label.end) }, mention, sameAs: null, rule: 'heading-label', confidence: 0.8, settled: true };
  }
  for (const speech of indirect) {
    const event = events[speech.event]!;
    drafts.push({ start: speech.start, end: speech.end, kind: 'indirect', cue: event.cue, mention: speech.event, sameAs: null, rule: speech.rule, confidence: 0.7, features: null, settled: false });
  }
  for (const unit of speech) {
    if (!unit.cue) continue; // a questioner's turn: no one to report
    drafts.push({ start: unit.start, end: unit.end, kind: unit.kind, cue: unit.cue, mention: unit.speaker, sameAs: null, rule: unit.rule, confidence: unit.confidence, features: null, settled: false });
  }
  return { article, text, paragraphs, boilerplate, body, headline, sentences, classified, events, mentions, resolved, resolutionOf, drafts, speech };
}

/** The analysis from a draft whose speakers are chosen: speakers, countries, tone and stance. */
function finishAnalysis(state: ArticleDraft): Analysis {
  const { article, text, paragraphs, boilerplate, body, headline, resolved, resolutionOf, drafts } = state;

  // Speakers: resolve each draft's mention, or follow the quote it continues.
  const entityOf = (draft: Draft | null | undefined, depth = 0): { entity: string | null; resolution: Resolution | null } => {
    if (!draft || depth > 8) return { entity: null, resolution: null };
    if (draft.mention !== null) {
      const resolution = resolutionOf[draft.mention] ?? null;
      return { entity: resolution?.entity ?? null, resolution };
    }
    return draft.sameAs === null ? { entity: null, resolution: null } : entityOf(drafts[draft.sameAs], depth + 1);
  };
  const entities = drafts.map((draft) => entityOf(draft));
  // Reported speech is worth reporting only with its speaker ("They reiterated …" with no "they" known is not).
  const reported = drafts.map((draft, index) => (draft && !(draft.kind === 'indirect' && entities[index]!.entity === null) ? { start: draft.start, end: draft.end, draft, speaker: entities[index]! } : null));
  // A quotation inside a turn or statement is reported beside it: overlaps are dropped among each kind of unit apart.
  const kept = [...dropOverlaps(reported.filter((item) => item !== null && isSpeechKind(item.draft.kind))), ...dropOverlaps(reported.filter((item) => item !== null && !isSpeechKind(item.draft.kind)))]
    .sort((a, b) => a.start - b.start || b.end - a.end);
  // Each word of speech counts once, for whoever said it: a turn's or statement's tone and stance are read without
  // the quotations inside it, which count for the person quoted (or again for the speaker, who quoted themselves).
  const speechText = maskQuotationsInSpeech(text, kept);
  const speaking = new Set(kept.map((item) => item.speaker.entity).filter((id): id is string => id !== null));
  // Last-resort country for a speaker with a role and nothing else: the dateline ("WASHINGTON —"), else a source
  // that is itself an institution ("The White House (Briefing Room)").
  const sourceCountry = article.source === null ? null : attributeCountry(article.source, lexicon);
  const hint = findDateline(text, body, lexicon) ?? (sourceCountry && { ...sourceCountry, rule: 'source', confidence: 0.25 });
  const speakers = buildSpeakers([...resolved.entities.values()], speaking, lexicon, hint);
  const speakerById = new Map<string, Speaker>(speakers.map((speaker) => [speaker.id, speaker]));

  const quoteTone = new Map<string, ToneReading>();
  const quotes: Quote[] = kept.map(({ draft, speaker: { entity, resolution } }, index) => {
    const speaker = entity === null ? undefined : speakerById.get(entity);
    const quoteText = text.slice(draft.start, draft.end);
    const reading = readTone(isSpeechKind(draft.kind) ? speechText.slice(draft.start, draft.end) : quoteText, tone); // once per quote: sentiment and stance read the same words
    quoteTone.set(`q${index + 1}`, reading);
    const rule = speaker ? (resolution && resolution.rule !== 'named' ? `${draft.rule}+${resolution.rule}` : draft.rule) : 'unattributed';
    return {
      id: `q${index + 1}`,
      start: draft.start,
      end: draft.end,
      text: quoteText,
      kind: draft.kind,
      speaker: speaker
        ? { id: speaker.id, name: speaker.name, role: speaker.role, organization: speaker.organization, country: speaker.country?.code ?? null, kind: speaker.kind }
        : null,
      cue: draft.cue,
      evidence: {
        rule,
        confidence: speaker ? round(draft.confidence * (resolution?.confidence ?? 1)) : 0,
        ...(draft.cue ? { text: draft.cue.text, span: { start: draft.cue.start, end: draft.cue.end } } : {}),
        ...(speaker && draft.features ? { features: draft.features } : {}),
      },
      sentiment: scoreSentiment(quoteText, tone, reading),
      stance: [],
    };
  });

  const stanced = speechText === text
    ? scoreQuoteStances(text, paragraphs, quotes, stanceLexicon, (quote) => quoteTone.get(quote.id)) // stance toward each target; "They" reads the speaker's earlier quotes
    : [ // turns and statements read without the quotations inside them, those quotations as they stand
        ...scoreQuoteStances(speechText, paragraphs, quotes.filter((quote) => isSpeechKind(quote.kind)), stanceLexicon, (quote) => quoteTone.get(quote.id)),
        ...scoreQuoteStances(text, paragraphs, quotes.filter((quote) => !isSpeechKind(quote.kind)), stanceLexicon, (quote) => quoteTone.get(quote.id)),
      ].sort((a, b) => a.start - b.start || b.end - a.end);

  return {
    pipelineVersion: PIPELINE_VERSION,
    text,
    title: article.title ?? (headline === null ? null : text.slice(body[headline]!.start, body[headline]!.end)),
    source: article.source,
    url: article.url,
    publishedAt: article.publishedAt,
    paragraphs,
    boilerplate,
    quotes: stanced,
    speakers,
  };
}

/** A sentence subject as a draft mention: the object literal `{ ...mention, at, source, event }` would give, without
 * the generic copy (one per subject of every prose sentence). */
function subjectMention(mention: Mention): DraftMention {
  const { phrase, antecedent } = mention;
  const at = phrase.span.start;
  return 'onlyIfKnown' in mention
    ? { phrase, antecedent, onlyIfKnown: mention.onlyIfKnown, at, source: 'subject', event: null }
    : { phrase, antecedent, at, source: 'subject', event: null };
}

/** First persons that quote themselves inside a turn or statement: "I told him, “…”", "we said it was “…”". */
const FIRST_PERSONS = new Set(['I', 'we', 'We']);

/** How many words may stand between a first person's cue and the quotation it opens ("I said he was “…”"). */
const SELF_QUOTE_REACH = 4;
/** Words right before a mark that make the quotation a noun's modifier, not words said ("the “red line”"). */
const BEFORE_A_NAMED_THING = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'this', 'that', 'about', 'of', 'word']);

/**
 * Whether a sentence holds a first person and a cue verb (an adverb between allowed: "we clearly said") whose
 * quotation opens within a few words ("We said it was “a grave mistake.”"), not after a determiner ("I asked him
 * about the “red line.”") and not after "asked" (a question about something).
 */
function quotesThemselves(tokens: readonly Token[]): boolean {
  for (let i = 0; i < tokens.length - 1; i++) {
    if (!FIRST_PERSONS.has(tokens[i]!.text)) continue;
    const verb = tokens[i + 1]!.text.endsWith('ly') && i + 2 < tokens.length ? i + 2 : i + 1;
    const word = tokens[verb]!.text;
    if ((!lexicon.cueVerbs.has(word) && !lexicon.framingVerbs.has(word)) || word === 'asked') continue;
    for (let at = verb + 1; at < tokens.length && at <= verb + 1 + SELF_QUOTE_REACH; at++) {
      if (!/^[“"‘]$/.test(tokens[at]!.text)) continue;
      if (!BEFORE_A_NAMED_THING.has(tokens[at - 1]!.text.toLowerCase())) return true;
      break;
    }
  }
  return false;
}

function labelMention(text: string, label: Span): DraftMention[] {
  const phrase: SpeakerPhrase | null = describeTurnLabel(text.slice(label.start, label.end), label.start, lexicon);
  return phrase ? [{ phrase, antecedent: true, at: label.start, source: 'label', event: null }] : [];
}

/**
 * The person a span names as written: a statement's author from its title or opening ("Press Secretary Jen Psaki",
 * the "she" of a later "“…,” she said" inside the statement), or a heading's label ("Bill Clinton: …").
 */
function phraseMention(text: string, span: Span, source: 'author' | 'label'): DraftMention[] {
  const words = text.slice(span.start, span.end);
  // "STATEMENT BY SENATOR JANE DOE": capitals read as a transcript label is.
  if (!/\p{Ll}/u.test(words)) return labelMention(text, span).map((mention) => ({ ...mention, source }));
  const phrase = describeSpeakerPhrase(words, tokenize(words), lexicon, null);
  return phrase && phrase.kind !== 'pronoun' ? [{ phrase: shiftPhrase(phrase, span.start), antecedent: true, at: span.start, source, event: null }] : [];
}

/** Turns and statements: speech in themselves, reported beside the quotations inside them. */
function isSpeechKind(kind: Quote['kind']): boolean {
  return kind === 'turn' || kind === 'statement';
}

/**
 * The text with every quotation that lies inside a turn or statement blanked to spaces (offsets unchanged), or the
 * text itself when there is none. `units` are in text order, each turn before the quotations inside it.
 */
function maskQuotationsInSpeech(text: string, units: readonly { readonly start: number; readonly end: number; readonly draft: Draft }[]): string {
  let masked: string[] | null = null;
  let speechEnd = -1;
  for (const unit of units) {
    if (isSpeechKind(unit.draft.kind)) {
      speechEnd = unit.end;
      continue;
    }
    if (unit.start >= speechEnd) continue;
    masked ??= text.split('');
    for (let at = unit.start; at < unit.end; at++) masked[at] = ' ';
  }
  return masked === null ? text : masked.join('');
}

/** Quotes in text order with no two overlapping (a guard: the stages above already keep them apart). */
function dropOverlaps<T extends Span>(drafts: readonly (T | null)[]): T[] {
  const sorted = drafts.filter((draft): draft is T => draft !== null).sort((a, b) => a.start - b.start);
  const kept: T[] = [];
  let end = -1;
  for (const draft of sorted) {
    if (draft.start < end || draft.end <= draft.start) continue;
    kept.push(draft);
    end = draft.end;
  }
  return kept;
}

const round = (value: number) => Math.round(value * 100) / 100;
