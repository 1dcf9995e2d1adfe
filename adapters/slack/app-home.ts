/**
 * App Home "My commitments": the viewer's items across the workspace, grouped as lists are, with
 * the same buttons and an Add button; a welcome on the first visit. Published on app_home_opened
 * and again whenever a change through Slack touches one of the viewer's items.
 */
import type { types } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { renderForSlack } from './render-for-slack.js';
import { addButtonBlock } from './add-button.js';
import { slackAddress } from './slack-address.js';
import type { SlackContext } from './slack-context.js';
import { welcomeText } from './welcome.js';
import { toMrkdwn } from './mrkdwn.js';

export const HOME_CALLBACK = 'followthrough_home';
/** Slack: a Home tab holds at most 100 blocks; the list keeps to one message's 50. */
const HOME_BLOCKS = 100;

export class AppHome {
  /** One publish at a time per viewer, each built when it runs: a slower, older build never lands last. */
  private readonly queues = new Map<string, Promise<void>>();
  /**
   * Per viewer, a plain refresh queued behind the running build and not started yet. Another change
   * joins it instead of queueing one more: it is built when it runs, so it shows that change too
   * (five Done presses in a row cost two builds and publishes, not five).
   */
  private readonly waiting = new Map<string, Promise<void>>();

  constructor(
    private readonly context: SlackContext,
    private readonly client: WebClient,
  ) {}

  /** On app_home_opened: the Home, with the welcome if this is the viewer's first visit. */
  async opened(workspace: { id: string; name?: string }, userId: string): Promise<void> {
    const { core } = this.context;
    const welcome = await core.store.receipts.claim(`slack:home-welcome:${workspace.id}:${userId}`, core.clock.now());
    await this.publish(workspace, userId, { welcome });
  }

  /** Builds and publishes the viewer's Home; `notice` (a refused press) is shown at the top. */
  publish(workspace: { id: string; name?: string }, userId: string, options: { notice?: string; welcome?: boolean } = {}): Promise<void> {
    const key = `${workspace.id}:${userId}`;
    const plain = !options.notice && !options.welcome;
    const joined = plain ? this.waiting.get(key) : undefined;
    if (joined) return joined;
    const queued = (this.queues.get(key) ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => {
        // Started: a change from now on needs a build of its own, after this one.
        if (this.waiting.get(key) === next) this.waiting.delete(key);
        return this.build(workspace, userId, options);
      });
    // Tracked, so shutdown waits for a publish a listener left running in the background.
    const next: Promise<void> = this.context.inFlight?.track(queued) ?? queued;
    this.queues.set(key, next);
    if (plain) this.waiting.set(key, next);
    const forget = () => {
      if (this.queues.get(key) === next) this.queues.delete(key);
      if (this.waiting.get(key) === next) this.waiting.delete(key);
    };
    next.then(forget, forget);
    return next;
  }

  private async build(
    workspace: { id: string; name?: string },
    userId: string,
    options: { notice?: string; welcome?: boolean },
  ): Promise<void> {
    const { core, directory } = this.context;
    const user = await directory.user(workspace.id, userId);
    const reply = await core.handle({
      workspace,
      // The Home is the viewer's own space, as a DM is: `list` there means `list mine`.
      channel: { address: slackAddress(workspace.id, userId), isDirect: true },
      user,
      text: 'list mine',
      mentions: [],
      receivedAt: core.clock.now(),
    });
    const [list] = await renderForSlack(core.store, workspace.id, reply, { maxMessages: 1, mentions: true, viewerId: userId });
    const blocks: types.KnownBlock[] = [
      { type: 'header', text: { type: 'plain_text', text: 'My commitments', emoji: true } },
      ...(options.notice ? [section(`:warning: ${toMrkdwn(options.notice)}`)] : []),
      ...(options.welcome ? [section(toMrkdwn(welcomeText({ inChannel: false }))), { type: 'divider' } as types.DividerBlock] : []),
      addButtonBlock(),
      ...list.blocks,
    ];
    await this.client.views.publish({
      user_id: userId,
      view: { type: 'home', callback_id: HOME_CALLBACK, blocks: blocks.slice(0, HOME_BLOCKS) },
    });
  }

  /**
   * Republishes the Home of everyone a change may have touched: the owners of the named items (a
   * new owner sees an item assigned by someone else at once) and the people given. Failures are
   * logged, never thrown: the change itself has already been made and answered. Skipped once stopping.
   */
  async refresh(workspace: { id: string; name?: string }, commitmentIds: readonly string[], people: readonly string[] = []): Promise<void> {
    // Shutting down: the change is made and answered; the Home is rebuilt when next opened.
    if (this.context.inFlight?.stopping) return;
    const users = new Set(people.filter(isSlackUser));
    for (const id of commitmentIds.slice(0, 20)) {
      const commitment = await this.context.core.store.commitments.get(workspace.id, id);
      for (const owner of commitment?.owners ?? []) if (isSlackUser(owner.id)) users.add(owner.id);
    }
    await Promise.all(
      [...users].map((userId) =>
        this.publish(workspace, userId).catch((err: unknown) =>
          this.context.logger.warn({ err, user: userId }, 'could not refresh the App Home'),
        ),
      ),
    );
  }
}

/** The commitment ids a reply speaks of (`Added C-3`, `alice marked C-3 done`). */
export function commitmentIdsIn(text: string): string[] {
  return [...new Set(text.match(/\bC-\d{1,9}\b/g) ?? [])];
}

function isSlackUser(id: string): boolean {
  return /^[UW][A-Z0-9]+$/.test(id);
}

function section(text: string): types.SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}
