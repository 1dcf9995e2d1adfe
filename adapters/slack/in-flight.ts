/**
 * The Slack work still running at shutdown: Bolt acknowledges a request before its listener is
 * done (the answer, the App Home refresh after it), so stopping must wait for that work before the
 * composition root closes the store — else a late read fails with "The database connection is not
 * open". Once stopping, new background work (an App Home refresh) is skipped quietly.
 */
export class InFlight {
  private readonly running = new Set<Promise<unknown>>();
  private closing = false;

  get stopping(): boolean {
    return this.closing;
  }

  /** Keeps `work` in view until it settles; returns it unchanged. */
  track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    const done = () => this.running.delete(work);
    work.then(done, done);
    return work;
  }

  /** Stops taking background work and waits (at most `graceMs`) for what is running, including what it starts. */
  async drain(graceMs: number): Promise<void> {
    this.closing = true;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
    const settled = (async () => {
      while (this.running.size > 0) await Promise.allSettled([...this.running]);
    })();
    await Promise.race([settled, deadline]);
    clearTimeout(timer);
  }
}
