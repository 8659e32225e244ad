export { createStore } from './create-store.js';
export { storeConfigFromEnv, userDataDir, validateStoreConfig } from './config.js';
export { StoreError, isStoreError } from './errors.js';
export { articleId } from './internal/article-id.js';
export { sqliteFileName } from './internal/open-database.js';
export { quoteSorts } from './types.js';
export { createWorkQueue } from './work-queue/index.js';

export type { PostgresConfig, SqliteConfig, StoreConfig } from './config.js';
export type { StoreErrorCode } from './errors.js';
export type { ClaimedJob, QueueCounts, QueueFailure, QueuedJob, WorkQueue, WorkQueueOptions } from './work-queue/index.js';
export type {
  ArticleSummary,
  IngestResult,
  IntegrityReport,
  Page,
  PageRequest,
  QuoteFilter,
  QuotePageRequest,
  QuoteSort,
  SourceSummary,
  SpeakerDetail,
  SpeakerFilter,
  StaleArticle,
  Store,
  StoreStats,
  StoredArticle,
  StoredQuote,
  StoredSpeaker,
  ToneGrouping,
} from './types.js';
