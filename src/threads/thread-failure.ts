/** A failure as plain data, both ways across a thread boundary: thrown objects do not cross whole. */
export interface ThreadFailure {
  message: string;
  stack?: string;
  /** Slack command thread: the response pages already posted when it failed. */
  posted?: number;
}

/** In the thread: the error as plain data. */
export function described(error: unknown): ThreadFailure {
  if (!(error instanceof Error)) return { message: String(error) };
  // fetch says only "fetch failed": the reason (a reset socket, a refused connection) is its cause.
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return { message: `${error.message}${cause}`, stack: error.stack };
}

/** Outside it: the plain data as an Error again, with the thread's stack and what it had posted. */
export function errorFrom(reported: ThreadFailure): Error & { posted?: number } {
  return Object.assign(new Error(reported.message), {
    stack: reported.stack ?? reported.message,
    ...(reported.posted === undefined ? {} : { posted: reported.posted }),
  });
}
