/**
 * Runs work one at a time per key, in arrival order; different keys run side by side. The Teams
 * adapter keeps data of its own in a conversation's (or user's) `platformData` — the remembered
 * cards, the conversation reference. Correctness does not rest on this queue: every change of that
 * data is an atomic read-modify-write in the store (`updatePlatformData`, the row locked), which holds
 * across processes too. The queue only lets one process's activities of one conversation take turns
 * before they reach the database, so they neither wait on each other's row locks nor, after a press,
 * update the same card twice to catch up with each other.
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
