/**
 * A slash command's answer, from invocation to response_url posts: the core's reply (with a pointer
 * to `help` for a bare `/commitments`), rendered as Block Kit pages, each posted through `respond`.
 * The same function runs on the main thread and in the command thread (command-thread.ts), so both
 * post the same payload.
 */
import type { Core } from '../../src/core.js';
import type { Invocation } from '../../src/ports/invocation.js';
import type { Reply } from '../../src/replies/reply.js';
import { withAddButton } from './add-button.js';
import { renderForSlack } from './render-for-slack.js';

/** A response_url takes at most 5 posts (in 30 minutes); beyond that the last one says what is left. */
const RESPONSE_URL_USES = 5;
export const BARE_COMMAND_HINT = 'Type `/commitments help` for everything I can do, or `/commitments add` for a form.';

export interface CommandToAnswer {
  invocation: Invocation;
  /** `/commitments` with no words: answered as `list`, with the hint. */
  bare: boolean;
}

/** What a response_url post carries (Bolt's `respond` takes the same). */
export interface ResponseMessage {
  response_type: 'in_channel' | 'ephemeral';
  text: string;
  blocks: unknown[];
}

export type Respond = (message: ResponseMessage) => Promise<unknown>;

/** Posts the answer page by page, in order; returns the reply (its ids name the App Homes to refresh). */
export async function answerCommand(
  core: Pick<Core, 'handle' | 'store'>,
  command: CommandToAnswer,
  respond: Respond,
  /** Called between the command's reads and its rendering: each a stretch of synchronous work. */
  between: () => Promise<void> = async () => undefined,
): Promise<Reply> {
  const { invocation } = command;
  const answered = await core.handle(invocation);
  await between();
  const reply = command.bare ? withHint(answered) : answered;
  const responseType = reply.visibility === 'channel' ? 'in_channel' : 'ephemeral';
  const rendered = await renderForSlack(core.store, invocation.workspace.id, reply, {
    maxMessages: RESPONSE_URL_USES,
    mentions: true,
    viewerId: responseType === 'ephemeral' ? invocation.user.id : undefined,
  });
  for (const page of withAddButton(rendered, reply.card?.context))
    await respond({ response_type: responseType, text: page.text, blocks: page.blocks });
  return reply;
}

/** The list, with one line saying where the rest of the commands are. */
function withHint(reply: Reply): Reply {
  const footer = reply.card ? [reply.card.footer, BARE_COMMAND_HINT].filter(Boolean).join('\n') : undefined;
  return { ...reply, text: `${reply.text}\n${BARE_COMMAND_HINT}`, ...(reply.card ? { card: { ...reply.card, footer } } : {}) };
}
