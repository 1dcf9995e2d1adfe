/** `timezone <IANA zone>`: the channel's zone for new commitments' dates and for its digest. */
import { z } from 'zod';
import { isValidTimeZone } from '../commitments/calendar.js';
import { privateReply } from '../replies/reply.js';
import { defineCommand } from './spec.js';

export const timezoneCommand = defineCommand({
  name: 'timezone',
  aliases: ['tz'],
  summary: "Show or set this channel's time zone (digest times and new commitments' dates).",
  usage: 'timezone [IANA zone]',
  examples: ['timezone', 'timezone Asia/Karachi', 'timezone America/Los_Angeles'],
  args: z.object({
    zone: z
      .string()
      .refine(isValidTimeZone, { error: (issue) => `"${String(issue.input)}" is not a time zone I know. Use an IANA name like Asia/Karachi or Europe/Berlin.` })
      // Store the canonical spelling ("asia/karachi" → "Asia/Karachi").
      .transform((zone) => new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone)
      .optional(),
  }),
  read: (input) => ({ zone: input.words[0] }),
  async run(context, args) {
    const { channel } = context;
    if (!args.zone) return privateReply(`This channel's time zone is ${channel.timeZone}. Change it with \`timezone <zone>\`, e.g. \`timezone Asia/Karachi\`.`);
    if (args.zone === channel.timeZone) return privateReply(`This channel's time zone is already ${channel.timeZone}. Nothing changed.`);
    await context.store.channels.upsert({ workspaceId: channel.workspaceId, address: channel.address, timeZone: args.zone });
    if (context.invocation.channel.isDirect) {
      // A DM has no digest; quiet hours for nudges follow the person's own zone, which the platform profile sets.
      return privateReply(
        `This conversation's time zone is now ${args.zone} (was ${channel.timeZone}): commitments added here read their dates in it. Your reminders' quiet hours follow the time zone in your profile.`,
      );
    }
    return privateReply(
      `This channel's time zone is now ${args.zone} (was ${channel.timeZone}). Digests follow it; new commitments' dates are read in it. Existing commitments keep their dates.`,
    );
  },
});
