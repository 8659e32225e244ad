export { createWorkQueue } from './work-queue.js';
export type { ClaimedJob, QueueCounts, QueueFailure, QueuedJob, WorkQueue, WorkQueueOptions } from './work-queue.js';
