/**
 * `/commitments …`: ack at once, then answer through the command's response_url (works where the
 * bot is not a member). A bare `/commitments` lists this channel, with a pointer to `help`; a bare
 * `/commitments add` opens the Add form. A list — the heaviest read, and the commonest command — is
 * answered by the command thread when there is one, so its reads, rendering and posts never hold up
 * the acks of the requests behind it; everything else is answered here.
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { App } from '@slack/bolt';
import type { Invocation } from '../../src/ports/invocation.js';
import { listCommand } from '../../src/commands/list.js';
import { answerCommand, type CommandToAnswer, type Respond } from './answer-command.js';
import { commitmentIdsIn } from './app-home.js';
import { openAddForm } from './listen-add-form.js';
import { toInvocation, type SlackContext } from './slack-context.js';
import { servedWorkspace } from './slack-workspace.js';

export const SLASH_COMMAND = '/commitments';
/** Commands that change commitments: after them, the owners' App Homes are refreshed. */
export const CHANGES = /^(?:add|new|track|done|reopen|snooze|status|edit|drop|accept|event|import)\b/i;
const LIST_WORDS = new Set([listCommand.name, ...(listCommand.aliases ?? [])]);

export function listenToCommands(app: App, context: SlackContext): void {
  app.command(SLASH_COMMAND, async ({ command, ack, respond, client }) => {
    await ack();
    // Let requests already waiting be read and acked before this one's work (synchronous store reads) starts.
    await yieldToEventLoop();
    const served = servedWorkspace(context.identity, { teamId: command.team_id, enterpriseId: command.enterprise_id });
    if (!served.ok) {
      await respond({ response_type: 'ephemeral', text: served.refusal });
      return;
    }
    const text = command.text.trim();
    // The trigger_id lives 3 seconds: open the form before anything else. If Slack will not open
    // it, the bare `add` is answered as typed: with what to write.
    if (
      /^(?:add|new|track)$/i.test(text) &&
      (await formOpened(context, () => openAddForm(client, command.trigger_id, {}, { channelId: command.channel_id })))
    )
      return;
    const bare = text === '';
    const invocation = await toInvocation(context, {
      workspaceId: served.workspaceId,
      workspaceName: served.name,
      channelId: command.channel_id,
      channelName: command.channel_name,
      userId: command.user_id,
      userName: command.user_name,
      rawText: bare ? 'list' : command.text,
      checkMembership: true,
    });
    const toAnswer: CommandToAnswer = { invocation, bare };
    if (isList(invocation) && context.commandThread?.ready && (await answeredInThread(context, toAnswer, command.response_url))) return;
    // The command's reads and the rendering are each a stretch of synchronous work: acks waiting meanwhile go first.
    const reply = await answerCommand(context.core, toAnswer, respond as Respond, () => yieldToEventLoop());
    if (CHANGES.test(text)) {
      const mentioned = invocation.mentions.map((m) => m.id);
      await context.home?.refresh({ id: served.workspaceId, name: served.name }, commitmentIdsIn(reply.text), [
        command.user_id,
        ...mentioned,
      ]);
    }
  });
}

async function formOpened(context: SlackContext, open: () => Promise<unknown>): Promise<boolean> {
  try {
    await open();
    return true;
  } catch (error) {
    context.logger.warn({ err: error }, 'could not open the Add form; answering the bare add in words');
    return false;
  }
}

function isList(invocation: Invocation): boolean {
  return LIST_WORDS.has(invocation.text.trim().split(/\s+/)[0].toLowerCase());
}

/**
 * True when the command thread answered. When it could not (it died, or cannot open the store)
 * before posting anything, the answer is made here instead, so the person still gets their list
 * (a page the dying thread had in flight may then arrive twice: a list read twice, nothing changed);
 * once it has posted a page, a second answer would repeat it: the failure is only logged.
 */
async function answeredInThread(context: SlackContext, command: CommandToAnswer, responseUrl: string): Promise<boolean> {
  try {
    await context.commandThread!.answer(command, responseUrl);
    return true;
  } catch (error) {
    const posted = (error as { posted?: number }).posted ?? 0;
    context.logger.error(
      { err: error, posted },
      posted > 0 ? 'the command thread failed mid-answer' : 'the command thread failed; answering here',
    );
    return posted > 0;
  }
}
