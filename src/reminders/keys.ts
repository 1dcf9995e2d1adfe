/** Outbox keys: one reminder per subject, kind, slot and recipient, so writing it twice is a no-op. */
import type { OutboxKind } from '../store/store.js';

export function outboxKey(workspaceId: string, subject: string, kind: OutboxKind, slot: string, recipientId = ''): string {
  return [workspaceId, subject, kind, slot, recipientId].join('|');
}
