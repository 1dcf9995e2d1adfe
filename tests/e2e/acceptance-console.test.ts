// The console as a first user reads it: a time in a reply says which zone it is in.
import { describe, expect, it } from 'vitest';
import { renderForConsole } from '../../adapters/console/console-renderer.js';
import { instant, privateReply } from '../../src/replies/reply.js';

describe('console times', () => {
  it.each([
    ['UTC', 'next 30 Nov 08:00 UTC.'],
    ['Asia/Karachi', 'next 30 Nov 13:00 Asia/Karachi.'],
  ])('names the zone it shows a time in (%s), since the channel may be in another', (zone, expected) => {
    const reply = privateReply(`This channel's digest: weekdays 09:00 (Europe/Berlin); next ${instant('2026-11-30T08:00:00.000Z')}.`);
    expect(renderForConsole(reply, zone)).toBe(`This channel's digest: weekdays 09:00 (Europe/Berlin); ${expected}`);
  });
});
