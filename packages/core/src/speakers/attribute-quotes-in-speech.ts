import type { ArticleDraft } from '../model/draft.js';

/** What may stand between a closing mark and a cue that attributes the quotation: "…,” Blinken said". */
const GAP_AFTER = /^[\s,.—–-]*$/;
/** What may stand between a cue and the opening mark: "Blinken said: “", "as he put it, “". */
const GAP_BEFORE = /^[\s,:—–-]*(?:that\s*)?$/i;

/**
 * Decides the speaker of every quotation inside a transcript turn or a statement (the turn itself stays a `turn`):
 * the person a speech cue in the quotation's sentence names ("as Secretary Blinken said today, … “certain issues
 * …”" → Blinken), preferring the cue right after the closing mark or right before the opening one, then the nearest;
 * else the turn's speaker or the statement's author, who quotes themselves ("I told him, “The United States stands
 * with you.”") or puts words in marks. A questioner's quotation with no cue keeps no speaker. Runs after the learned
 * decision, which reads prose: inside speech the speaker is known, and a cue names only whom the speaker quotes.
 *
 * @example
 * const state = draftArticle('THE PRESIDENT:  I told him, “We stand with you.”\n\nQ  Why?');
 * attributeQuotesInSpeech(state);
 * state.drafts[0].rule; // 'turn-speaker'
 */
export function attributeQuotesInSpeech(draft: ArticleDraft): void {
  const { text, classified, drafts, events, speech } = draft;
  if (speech.length === 0) return;
  const unitOf = new Map(speech.map((unit) => [unit.paragraph, unit]));
  const eventsBySentence = new Map<number, number[]>();
  events.forEach((event, index) => eventsBySentence.set(event.sentence, [...(eventsBySentence.get(event.sentence) ?? []), index]));
  classified.forEach((quote, index) => {
    const item = drafts[index];
    const unit = unitOf.get(quote.paragraph);
    if (!item || !unit || (item.kind !== 'direct' && item.kind !== 'partial')) return;
    const close = quote.close === null ? quote.end : quote.close + 1;
    let best: { event: number; rank: number; distance: number } | null = null;
    for (const at of eventsBySentence.get(quote.sentence) ?? []) {
      const event = events[at]!;
      if (event.staged === true || (event.cue.start >= quote.open && event.cue.end <= close)) continue; // a cue inside the quotation is the quoted person's
      const after = event.extent.start >= close;
      if (!after && event.extent.end > quote.open) continue;
      const gap = after ? text.slice(close, event.extent.start) : text.slice(event.extent.end, quote.open);
      const adjacent = after ? GAP_AFTER.test(gap) : GAP_BEFORE.test(gap);
      const candidate = { event: at, rank: adjacent ? 0 : 1, distance: gap.length };
      if (best === null || candidate.rank < best.rank || (candidate.rank === best.rank && candidate.distance < best.distance)) best = candidate;
    }
    item.sameAs = null;
    item.features = null;
    if (best !== null) {
      item.mention = best.event; // the cues' speakers are the first mentions, one per event
      item.cue = events[best.event]!.cue;
      item.rule = best.rank === 0 ? 'quoted-in-speech:cue-adjacent' : 'quoted-in-speech:cue-in-sentence';
      item.confidence = best.rank === 0 ? 0.9 : 0.75;
      return;
    }
    item.mention = unit.speaker;
    item.cue = unit.cue;
    item.rule = unit.speaker === null ? 'unattributed' : unit.kind === 'turn' ? 'turn-speaker' : 'statement-author';
    item.confidence = unit.speaker === null ? 0 : 0.8;
  });
}
