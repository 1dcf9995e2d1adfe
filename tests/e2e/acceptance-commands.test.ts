// A demanding first user's mistakes through the core: each reply says what went wrong and what to type instead.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../helpers/core-harness.js';

let h: Harness;
beforeEach(() => {
  h = createHarness('2024-02-01T09:00:00Z');
});
afterEach(async () => {
  await h.close();
});

describe('a command typed without its id', () => {
  it.each(['done', 'show', 'drop', 'reopen', 'status', 'snooze', 'edit'])('`%s` asks for the id instead of "Invalid input"', async (command) => {
    const reply = await h.say(command);
    expect(reply.text).not.toMatch(/Invalid input/);
    expect(reply.text).toMatch(/Which commitment\? Give its id, like C-3\./);
  });

  it('accepts C7 and c-7 as the id C-7, like it accepts 7', async () => {
    await h.say('add Thing one');
    expect((await h.say('show C1')).text).toMatch(/^C-1 Thing one/);
    expect((await h.say('show c-1')).text).toMatch(/^C-1 Thing one/);
    expect((await h.say('done c1')).text).toMatch(/marked C-1 done/);
  });
});
