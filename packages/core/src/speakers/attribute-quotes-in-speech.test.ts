import { describe, expect, it } from 'vitest';
import { draftArticle } from '../analyze.js';
import { attributeQuotesInSpeech } from './attribute-quotes-in-speech.js';

/** Each quotation in marks with the rule that decided its speaker and the name of the one it points to. */
const decided = (text: string) => {
  const state = draftArticle(text);
  attributeQuotesInSpeech(state);
  return state.classified.flatMap((quote, index) => {
    const draft = state.drafts[index];
    if (!draft) return [];
    const entity = draft.mention === null ? null : state.resolutionOf[draft.mention]!.entity;
    const mention = entity === null ? null : state.resolved.entities.get(entity)!.name;
    return [[text.slice(quote.start, quote.end), draft.rule, mention]];
  });
};

describe('attributeQuotesInSpeech', () => {
  it.each([
    ['the person a cue before the quotation names', 'MS. PSAKI:  As Secretary Blinken said, “We will not compromise.”\n\nQ  Why?',
      [['We will not compromise.', 'quoted-in-speech:cue-adjacent', 'Blinken']]],
    ['the person a cue right after the quotation names', 'MS. PSAKI:  “We will not compromise,” Secretary Blinken said.\n\nQ  Why?',
      [['We will not compromise,', 'quoted-in-speech:cue-adjacent', 'Blinken']]],
    ['the person a cue further off in the sentence names', 'MS. PSAKI:  As Secretary Blinken said today, the U.S. will not discuss “certain issues and principles.”\n\nQ  Why?',
      [['certain issues and principles.', 'quoted-in-speech:cue-in-sentence', 'Blinken']]],
    ['the turn’s speaker, who quotes themselves', 'VICE PRESIDENT HARRIS:  I told him, “The United States stands with you.”\n\nQ  Why?',
      [['The United States stands with you.', 'turn-speaker', 'Harris']]],
    ['the statement’s author, who puts words in marks', 'Statement by Press Secretary Jen Psaki on Ukraine\n\nWe said it plainly, “Nothing about Ukraine without Ukraine.”',
      [['Nothing about Ukraine without Ukraine.', 'statement-author', 'Jen Psaki']]],
    ['no one for a questioner with no cue', 'MS. PSAKI:  Hello.\n\nQ  Is the West, in your words, “ready for anything at all”?',
      [['ready for anything at all', 'unattributed', null]]],
    ['nothing in prose, which the learned decision reads', 'The talks ended.\n\n“We are ready,” Lavrov said.', [['We are ready,', 'cue-after-quote', 'Lavrov']]],
  ])('gives a quotation inside speech %s', (_, text, expected) => {
    expect(decided(text)).toEqual(expected);
  });
});
