/** `timezone <IANA zone>`: the channel's zone for new commitments' dates and for its digest. */
import { thisPlaceAtStart } from '../replies/place-words.js';
import { z } from 'zod';
import { readTimeZone } from '../commitments/time-zone-name.js';
import { privateReply } from '../replies/reply.js';
import { defineCommand } from './spec.js';

export const timezoneCommand = defineCommand({
  name: 'timezone',
  aliases: ['tz'],
  summary: "Show or set this channel's time zone (digest times and new commitments' dates).",
  summaryInDirect: 'Show or set the time zone of this chat (the dates of commitments added here).',
  usage: 'timezone [IANA zone]',
  examples: ['timezone', 'timezone Asia/Karachi', 'timezone America/Los_Angeles'],
  args: z.object({
    // The canonical spelling ("asia/karachi" → "Asia/Karachi"); a whole-hour offset becomes Etc/GMT∓n, with a note saying so.
    zone: z
      .string()
      .transform((typed, ctx) => {
        const read = readTimeZone(typed);
        if ('problem' in read) {
          ctx.addIssue({ code: 'custom', message: read.problem });
          return z.NEVER;
        }
        return read;
      })
      .optional(),
  }),
  read: (input) => ({ zone: input.words.join(' ') || undefined }),
  async run(context, args) {
    const { channel } = context;
    const note = args.zone?.note ? `\n${args.zone.note}` : '';
    const zone = args.zone?.zone;
    if (!zone)
      return privateReply(
        `${thisPlaceAtStart(channel.kind)}'s time zone is ${channel.timeZone}. Change it with \`timezone <zone>\`, e.g. \`timezone Asia/Karachi\`.`,
      );
    if (zone === channel.timeZone)
      return privateReply(`${thisPlaceAtStart(channel.kind)}'s time zone is already ${channel.timeZone}. Nothing changed.${note}`);
    await context.store.channels.upsert({ workspaceId: channel.workspaceId, address: channel.address, timeZone: zone });
    if (context.invocation.channel.isDirect) {
      // A DM has no digest; quiet hours for nudges follow the person's own zone, which the platform profile sets.
      return privateReply(
        `This conversation's time zone is now ${zone} (was ${channel.timeZone}): commitments added here read their dates in it. Your reminders' quiet hours follow the time zone in your profile.${note}`,
      );
    }
    return privateReply(
      `${thisPlaceAtStart(channel.kind)}'s time zone is now ${zone} (was ${channel.timeZone}). Digests follow it; new commitments' dates are read in it. Existing commitments keep their dates.${note}`,
    );
  },
});
