/** The short card the bot posts once when it is added to a team, a chat or a 1:1. */
import type { Reply } from '../../src/replies/reply.js';
import { thisPlace } from '../../src/replies/place-words.js';
import { channelKindOf, type PlaceKind } from './conversation-place.js';

export function welcomeReply(kind: PlaceKind, timeZone: string): Reply {
  const prefix = kind === 'channel' ? '@Followthrough ' : '';
  const examples = [
    `${prefix}add Appoint liaison officers @Ann due at an early date agreed 29 Jan 2024`,
    `${prefix}list`,
    `${prefix}done C-1`,
  ];
  const how = kind === 'channel' ? 'Mention me with the command words.' : 'Type the command words; no mention needed.';
  // Digests are per channel or group chat; a 1:1 gets none (add sets no schedule there), only the owner's nudges.
  const digest =
    kind === 'personal'
      ? 'Reminders about your own items arrive here: a few days before each is due, on the day, and after if it slips. `list` here shows everything you own.'
      : `Once ${thisPlace(channelKindOf(kind))} has its first commitment I post a digest on weekdays at 09:00 (${timeZone} until someone sets \`timezone <zone>\`); change it with \`remind weekly mon 09:00\` or \`remind off\`.`;
  const text = [
    'Followthrough tracks what was promised, by whom and by when, and follows it up.',
    how,
    ...examples.map((e) => `• ${e}`),
    digest,
    'Type `help` for every command.',
  ].join('\n');
  return {
    visibility: 'channel',
    text,
    card: {
      title: 'Followthrough is here',
      subtitle: 'It tracks commitments — owners, deadlines — and follows them up.',
      sections: [
        { heading: 'Try', text: `${how}\n\n${examples.map((e) => `- \`${e}\``).join('\n')}` },
        { heading: kind === 'personal' ? 'Reminders' : 'Digest', text: digest },
      ],
      footer: 'Type help for every command.',
    },
  };
}
