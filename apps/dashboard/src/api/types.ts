/**
 * What the dashboard reads from the API, in terms of the core model and the store's records (the contract
 * between packages). Only types: nothing from @newstone/core or @newstone/store ships in the bundle.
 */
import type { Analysis, Quote, Speaker, SpeakerMerge, Stance, StanceCell, ToneRow } from '@newstone/core';
import type { SourceSummary, SpeakerDetail, StoredArticle, StoredQuote, StoredSpeaker } from '@newstone/store';

export type { Analysis, Quote, SourceSummary, Speaker, SpeakerDetail, SpeakerMerge, Stance, StanceCell, StoredArticle, StoredQuote, StoredSpeaker, ToneRow };

/** What `GET /api/tone?by=` groups by. */
export type ToneDimension = 'speaker' | 'country' | 'target' | 'day';

/** A list page: `{ items, nextCursor }`. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor?: string | null | undefined;
}

/** A speaker as the speaker page shows them: the store's detail. */
export type SpeakerProfile = SpeakerDetail;
