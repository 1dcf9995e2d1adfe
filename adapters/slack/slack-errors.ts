/**
 * Slack Web API failures → the delivery port's typed errors. Permanent means "this address will not
 * work until a person acts" (the outbox then marks it inactive), so only address and credential
 * failures are permanent. Everything unknown — 5xx, network, Slack's own internal errors, and
 * request-shape errors such as `invalid_blocks` — is Transient: retrying a few times costs little,
 * while wrongly deactivating a channel would silence its reminders.
 */
import { ErrorCode, type WebAPIHTTPError, type WebAPIPlatformError, type WebAPIRateLimitedError } from '@slack/web-api';
import { Permanent, RateLimited, Transient } from '../../src/ports/chat-adapter.js';

export const PERMANENT_SLACK_ERRORS: ReadonlySet<string> = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'account_inactive',
  'invalid_auth',
  'token_revoked',
  'token_expired',
  'not_authed',
  'missing_scope',
  'no_permission',
  'team_access_not_granted',
  'user_not_found',
  'user_disabled',
  'cannot_dm_bot',
  'restricted_action',
  'restricted_action_read_only_channel',
  'restricted_action_thread_only_channel',
  'ekm_access_denied',
  // Only an update can hit this: the message was deleted, so no retry can edit it.
  'message_not_found',
  'cant_update_message',
]);

/** Used when Slack says `ratelimited` without a Retry-After header. */
const DEFAULT_RETRY_AFTER_MS = 1000;

export function toDeliveryError(error: unknown): RateLimited | Transient | Permanent {
  const code = (error as { code?: string } | undefined)?.code;
  if (code === ErrorCode.RateLimitedError) return new RateLimited((error as WebAPIRateLimitedError).retryAfter * 1000);
  if (code === ErrorCode.PlatformError) {
    const data = (error as WebAPIPlatformError).data;
    if (data.error === 'ratelimited' || data.error === 'rate_limited') {
      const seconds = Number((data.response_metadata as { retryAfter?: number } | undefined)?.retryAfter);
      return new RateLimited(Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : DEFAULT_RETRY_AFTER_MS);
    }
    if (PERMANENT_SLACK_ERRORS.has(data.error)) return new Permanent(data.error, `Slack refused the message: ${data.error}`);
    return new Transient(`Slack answered ${data.error}`, { cause: error });
  }
  if (code === ErrorCode.HTTPError) return new Transient(`Slack answered HTTP ${(error as WebAPIHTTPError).statusCode}`, { cause: error });
  if (code === ErrorCode.RequestError) return new Transient('Slack could not be reached', { cause: error });
  return new Transient(error instanceof Error ? error.message : String(error), { cause: error });
}
