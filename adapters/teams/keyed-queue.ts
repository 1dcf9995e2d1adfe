/**
 * Runs work one at a time per key, in arrival order; different keys run side by side. The Teams
 * adapter keeps data of its own in a conversation's (or user's) `platformData` — the remembered
 * cards, the conversation reference — and rewrites it whole, so two activities of one conversation
 * handled together would each write what they read and one change would be lost. Process-local:
 * several instances sharing one database would need a row lock instead.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const next = previous.then(work, work);
    const tail = next.catch(() => undefined);
    this.tails.set(key, tail);
    // The last one out forgets the key, so the map holds only conversations busy right now.
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return next;
  }

  /** Runs `work` holding every key (taken in sorted order, so two callers never wait on each other). */
  runAll<T>(keys: readonly string[], work: () => Promise<T>): Promise<T> {
    const sorted = [...new Set(keys)].sort();
    const hold = (i: number): Promise<T> => (i === sorted.length ? work() : this.run(sorted[i], () => hold(i + 1)));
    return hold(0);
  }
}
