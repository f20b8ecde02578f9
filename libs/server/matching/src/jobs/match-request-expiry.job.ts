import { defineJob, TenantJobCalling, TenantJobPayload } from '@mentorship/platform';
import { IsUUID } from 'class-validator';
import { MatchRequestsService } from '../match-requests.service';

export class MatchRequestExpiryPayload extends TenantJobPayload {
  @IsUUID()
  requestId!: string;
}

/**
 * Expires a match request nobody answered in the program's days: enqueued through the outbox
 * when the request is sent, delayed until its `expiresAt` (BullMQ holds it until then).
 */
export const matchRequestExpiryJob = defineJob({
  name: 'match-request-expiry',
  queue: 'reminders',
  payload: MatchRequestExpiryPayload,
  key: (payload) => payload.requestId,
});

/** Runs in the worker; a request answered or withdrawn meanwhile is left alone (idempotent). */
export class MatchRequestExpiryJob extends TenantJobCalling(
  matchRequestExpiryJob,
  () => MatchRequestsService,
  (requests, payload) => requests.expire(payload.requestId),
) {}
