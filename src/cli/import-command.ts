/**
 * `followthrough import <file> --channel <address>`: stores the commitments extracted from a
 * statement as `proposed` — visible for review, with no reminders until someone accepts them —
 * and gives event deadlines their workspace events (E-n) the way `add` does.
 */
import type { Command } from 'commander';
import type { UserRef } from '../commitments/commitment.js';
import { proposeCommitments } from '../commands/propose-commitments.js';
import { loadConfig } from '../config/config.js';
import { systemClock } from '../ports/clock.js';
import { openStore } from '../store/open-store.js';
import { readStatement, statementDate } from './extract-command.js';

const IMPORTER: UserRef = { id: 'followthrough-import', name: 'followthrough import' };

/** The workspace an adapter address belongs to: `slack:T1:C1` → T1, `console:local` → console. */
export function workspaceOf(address: string): string {
  const [platform, first, second] = address.split(':');
  if (!platform || !first)
    throw new Error(`--channel must be an adapter address such as slack:T123:C456 or console:local; got "${address}".`);
  return second === undefined ? platform : first;
}

export async function runImport(
  this: Command,
  file: string,
  options: { channel: string; date?: string; workspace?: string; source?: string },
): Promise<void> {
  let date: string;
  let workspaceId: string;
  let text: string;
  try {
    date = statementDate(options.date);
    workspaceId = options.workspace ?? workspaceOf(options.channel);
    text = readStatement(file);
  } catch (error) {
    this.error((error as Error).message);
  }
  const config = loadConfig();
  const store = openStore(config);
  try {
    await store.workspaces.ensure({ id: workspaceId });
    const channel =
      (await store.channels.get(workspaceId, options.channel)) ??
      (await store.channels.upsert({ workspaceId, address: options.channel, timeZone: config.FOLLOWTHROUGH_DEFAULT_TZ }));
    const proposals = await proposeCommitments({
      store,
      clock: systemClock,
      workspaceId,
      channel: options.channel,
      timeZone: channel.timeZone,
      text,
      date,
      sourceTitle: options.source ?? (file === '-' ? undefined : file),
      actor: IMPORTER,
    });
    for (const { commitment, extracted, attached } of proposals) {
      const waits = attached.event ? ` — ${attached.created ? 'new event' : 'joined'} ${attached.event.id} "${attached.event.name}"` : '';
      process.stdout.write(
        `${commitment.id} (proposed) ${commitment.title} — ${extracted.deadline.kind}${extracted.deadline.due ? ` ${extracted.deadline.due}` : ''}${waits}\n`,
      );
    }
    process.stdout.write(`${proposals.length} proposed commitment(s) stored in ${options.channel}; review them with "list proposed".\n`);
  } finally {
    await store.close();
  }
}
