/**
 * Slack retries an event it thinks was missed. The command an event carries runs once (its event
 * id is claimed in the store before it runs), but the event counts as handled only once its answer
 * has reached Slack: a retry that follows a failed answer re-sends the answer kept from the first
 * run instead of being dropped. Kept answers live in memory for Slack's retry span (about 5 minutes),
 * so a retry that follows a restart of the process is not answered again.
 */
import type { Store } from '../../src/store/store.js';

/** Slack's last retry comes about 5 minutes after the first attempt. */
const KEEP_UNANSWERED_MS = 10 * 60 * 1000;

export class EventOnce<Answer> {
  private readonly unanswered = new Map<string, { answer: Answer; until: number }>();
  private readonly running = new Set<string>();

  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
  ) {}

  /**
   * Runs `compute` once per event id and `deliver` until it succeeds once. A repeat while the first
   * is still running, or after it was answered, does nothing.
   */
  async handle(eventId: string | undefined, compute: () => Promise<Answer>, deliver: (answer: Answer) => Promise<void>): Promise<void> {
    if (!eventId) return deliver(await compute());
    if (this.running.has(eventId)) return;
    this.running.add(eventId);
    try {
      const first = await this.store.receipts.claim(`slack:event:${eventId}`, this.now());
      const kept = this.unanswered.get(eventId);
      if (!first && !kept) return;
      const answer = kept ? kept.answer : await compute();
      try {
        await deliver(answer);
        this.unanswered.delete(eventId);
      } catch (error) {
        this.forgetOld();
        this.unanswered.set(eventId, { answer, until: this.now().getTime() + KEEP_UNANSWERED_MS });
        throw error;
      }
    } finally {
      this.running.delete(eventId);
    }
  }

  private forgetOld(): void {
    const now = this.now().getTime();
    for (const [id, entry] of this.unanswered) if (entry.until < now) this.unanswered.delete(id);
  }
}
