// The supervised worker the scheduler and Slack command threads are built on: replies settle their
// own request, a dying thread fails what it had in hand with the reason and is replaced by the
// next request, and stop() ends even a thread that will not stop by itself.
import { describe, expect, it } from 'vitest';
import { SupervisedWorker } from '../../src/threads/supervised-worker.js';

type Request = { type: 'echo'; id: number; text: string } | { type: 'fail' | 'exit'; id: number };
const ENTRY = new URL('../helpers/toy-thread.mjs', import.meta.url);

function toy(workerData: object = {}) {
  const errors: string[] = [];
  const progress: number[] = [];
  const thread = new SupervisedWorker<Request, { type: 'progress'; id: number }>({
    name: 'the toy thread',
    entry: ENTRY,
    workerData,
    logger: { error: (_details, message) => errors.push(message) },
    onMessage: (message) => progress.push(message.id),
  });
  return { thread, errors, progress };
}

describe('a supervised worker', () => {
  it('settles each request with its own reply, and passes other messages on', async () => {
    const { thread, progress } = toy();
    const [a, b] = await Promise.all([
      thread.request<{ said: string }>((id) => ({ type: 'echo', id, text: 'a' })),
      thread.request<{ said: string }>((id) => ({ type: 'echo', id, text: 'b' })),
    ]);
    expect([a.said, b.said]).toEqual(['a', 'b']);
    expect(progress).toEqual([1, 2]);
    const failed = await thread.request((id) => ({ type: 'fail', id })).catch((error: Error) => error);
    expect(failed).toBeInstanceOf(Error);
    expect((failed as Error).message).toBe('no such thing');
    expect((failed as Error).stack).toContain('at toy');
    await thread.stop(5_000);
    await expect(thread.request((id) => ({ type: 'echo', id, text: 'late' }))).rejects.toThrow('the toy thread is stopped');
  });

  it('fails the request in hand when the thread dies, logs why, and the next request gets a fresh thread', async () => {
    const { thread, errors } = toy();
    const first = await thread.request<{ threadId: number }>((id) => ({ type: 'echo', id, text: 'x' }));
    await expect(thread.request((id) => ({ type: 'exit', id }))).rejects.toThrow('the toy thread exited (code 3)');
    expect(errors).toEqual(['the toy thread crashed']);
    expect(thread.running).toBe(false);
    const next = await thread.request<{ threadId: number }>((id) => ({ type: 'echo', id, text: 'y' }));
    expect(next.threadId).not.toBe(first.threadId);
    await thread.stop(5_000);
  });

  it('terminates a thread that has not stopped when the grace period ends, and says so', async () => {
    const { thread, errors } = toy({ stubborn: true });
    await thread.request((id) => ({ type: 'echo', id, text: 'x' }));
    await thread.stop(200);
    expect(errors).toContain('the toy thread did not stop in time; terminating it');
    expect(thread.running).toBe(false);
  });
});
