/** `remind weekdays|daily|weekly <day> <HH:MM> | off`: when this channel's digest goes out. */
import { z } from 'zod';
import { nextSlot, parseSchedule } from '../reminders/schedule.js';
import { thisPlace, thisPlaceAtStart } from '../replies/place-words.js';
import { channelReply, instant, privateReply } from '../replies/reply.js';
import { UsageError } from './errors.js';
import { defineCommand } from './spec.js';

const SHAPES = 'weekdays 09:00, daily 08:30, weekly mon 09:00, or off';

export const remindCommand = defineCommand({
  name: 'remind',
  aliases: ['digest', 'schedule'],
  summary: "Show or set when this channel's digest goes out (in the channel's time zone).",
  summaryInDirect: 'Show or set when a channel’s digest goes out: type it in that channel (a chat with me has no digest).',
  usage: 'remind [weekdays|daily|weekly <day>] <HH:MM> | remind off',
  examples: ['remind', 'remind weekdays 09:00', 'remind weekly mon 09:30', 'remind daily 08:00', 'remind off'],
  args: z.object({
    schedule: z
      .string()
      .transform((s) => withWeekly(s.trim().toLowerCase().replace(/\s+/g, ' ')))
      .refine((s) => s === 'off' || parseSchedule(s) !== null || parseSchedule(`weekdays ${s}`) !== null, {
        error: `A digest schedule looks like ${SHAPES}.`,
      })
      .optional(),
  }),
  read: (input) => ({ schedule: input.words.length > 0 ? input.words.join(' ') : undefined }),
  async run(context, args) {
    const { channel, invocation } = context;
    if (invocation.channel.isDirect)
      throw new UsageError('Digests are per channel: type `remind` in the channel whose digest you want to change.');
    const now = context.clock.now();
    // "This channel's digest", or "This chat's" in a group chat.
    const here = thisPlace(channel.kind);
    const hereAtStart = thisPlaceAtStart(channel.kind);
    if (args.schedule === undefined) {
      const schedule = parseSchedule(channel.schedule);
      if (!schedule) return privateReply(`${hereAtStart} gets no digest. Turn it on with \`remind weekdays 09:00\` (${SHAPES}).`);
      if (!channel.active) {
        // Still inactive after this command means the bot cannot post here (a slash command in a channel it is not in).
        return privateReply(
          `${hereAtStart}'s digest: ${channel.schedule} (${channel.timeZone}), paused: my last post here failed (${channel.inactiveReason ?? 'no access'}). Invite me back (\`/invite @Followthrough\`) and digests resume.`,
        );
      }
      const next = nextSlot(schedule, channel.timeZone, now).at.toISOString();
      return privateReply(
        `${hereAtStart}'s digest: ${channel.schedule} (${channel.timeZone}); next ${instant(next)}. Change it with \`remind ${SHAPES}\`.`,
      );
    }
    // A bare time keeps the days the channel has (weekdays when it has none), as the usage's brackets promise.
    const days = (parseSchedule(channel.schedule) ? channel.schedule!.split(' ').slice(0, -1).join(' ') : '') || 'weekdays';
    const typed = parseSchedule(args.schedule) || args.schedule === 'off' ? args.schedule : `${days} ${args.schedule}`;
    const schedule = typed === 'off' ? 'off' : canonical(typed);
    await context.store.channels.upsert({ workspaceId: channel.workspaceId, address: channel.address, schedule });
    const invite =
      invocation.channel.botIsMember === false ? `\nInvite me to ${here} (\`/invite @Followthrough\`) so I can post the digest here.` : '';
    if (schedule === 'off')
      return channelReply(`${context.actor.name} turned ${here}'s digest off. Owners still get their own nudges.${invite}`);
    const next = nextSlot(parseSchedule(schedule)!, channel.timeZone, now).at.toISOString();
    return channelReply(`${context.actor.name} set ${here}'s digest to ${schedule} (${channel.timeZone}); next ${instant(next)}.${invite}`);
  },
});

/** `monday 09:00` → `weekly monday 09:00`: a day name alone means once a week. */
function withWeekly(text: string): string {
  return /^(mon|tue|wed|thu|fri|sat|sun)[a-z]* /.test(text) ? `weekly ${text}` : text;
}

/** `weekly monday 9:30` → `weekly mon 09:30`, the form the store keeps. */
function canonical(text: string): string {
  const words = text.split(' ');
  const [hh, mm] = words[words.length - 1].split(':');
  words[words.length - 1] = `${hh.padStart(2, '0')}:${mm}`;
  if (words[0] === 'weekly') words[1] = words[1].slice(0, 3);
  return words.join(' ');
}
