/**
 * The one welcome Followthrough gives: what it does, three commands to try, and when this channel's
 * digest goes out and how to change it. Posted once per channel when the bot joins it, and shown on
 * a person's first visit to the App Home.
 */
import { DEFAULT_SCHEDULE } from '../../src/commands/add.js';

export function welcomeText(options: { schedule?: string | null; timeZone?: string; inChannel: boolean }): string {
  const schedule = options.schedule && options.schedule !== 'off' ? options.schedule : undefined;
  const zone = options.timeZone ? ` (${options.timeZone})` : '';
  const digest = options.inChannel
    ? schedule
      ? `This channel's digest goes out ${schedule}${zone}. Change it with \`/commitments remind weekly mon 09:30\`, or \`/commitments remind off\`.`
      : `Once the first commitment is added here, this channel gets a digest ${DEFAULT_SCHEDULE}${zone} — only when something is due, late or changed. Change it with \`/commitments remind weekly mon 09:30\`, or \`/commitments remind off\`.`
    : `Each channel with commitments gets a digest ${DEFAULT_SCHEDULE} in its own zone, only when something is due, late or changed; \`/commitments remind\` in a channel changes it there.`;
  return [
    "*Hi, I'm Followthrough.* I keep track of what was promised here — who owns it and by when — and remind the owners so nobody has to remember to.",
    'Try:',
    '• `/commitments add Circulate the minutes @owner by Friday`',
    '• `/commitments` — what is open in this channel',
    '• `/commitments done C-1 sent to everyone`',
    digest,
    'Messages work too: choose *Track as commitment* from a message’s ⋯ menu, also in threads. `/commitments help` lists everything.',
  ].join('\n');
}
