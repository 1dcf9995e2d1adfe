/**
 * The other pages of a message posted in parts (a long list answered in the app's DM: "(continued,
 * part 2)" opens each later part). A press reaches only the page it was on, but a heading on page 1
 * counts rows that continue on page 2, so a recount needs them all. They are read back from the DM's
 * history (the app has `im:history`; it cannot read channels, whose shared messages are never split:
 * see tests/e2e/slack-one-message.test.ts). Pages are the bot's messages right before and after the
 * pressed one whose part numbers run on from it; anything else ends the run.
 */
import type { types } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';

type Block = types.KnownBlock & { block_id?: string };

export interface Page {
  ts: string;
  blocks: Block[];
}

/** How far around the pressed message to look: the parts of one answer are posted seconds apart. */
const WINDOW_SECONDS = 120;

/** "(continued, part 3)" → 3; a page without the marker is a first part. */
export function partOf(blocks: readonly Block[]): number {
  const first = blocks[0];
  if (first?.type !== 'context') return 1;
  const element = first.elements[0];
  const text = element && 'text' in element && typeof element.text === 'string' ? element.text : '';
  const match = /^\(continued, part (\d+)\)$/.exec(text);
  return match ? Number(match[1]) : 1;
}

export async function siblingPages(
  client: WebClient,
  where: { channel: string; ts: string; blocks: readonly Block[]; botId: string },
  logger: Pick<Logger, 'warn'>,
): Promise<{ before: Page[]; after: Page[] }> {
  const none = { before: [], after: [] };
  const at = Number(where.ts);
  try {
    const history = await client.conversations.history({
      channel: where.channel,
      oldest: (at - WINDOW_SECONDS).toFixed(6),
      latest: (at + WINDOW_SECONDS).toFixed(6),
      inclusive: true,
      limit: 100,
    });
    const messages = (history.messages ?? [])
      .filter((m) => m.ts && Number(m.ts) >= at - WINDOW_SECONDS && Number(m.ts) <= at + WINDOW_SECONDS)
      .sort((a, b) => Number(a.ts) - Number(b.ts));
    const index = messages.findIndex((m) => m.ts === where.ts);
    if (index < 0) return none;
    const page = (i: number): Page | undefined => {
      const m = messages[i];
      return m?.ts && m.bot_id === where.botId && Array.isArray(m.blocks) ? { ts: m.ts, blocks: m.blocks as Block[] } : undefined;
    };
    const before: Page[] = [];
    for (let part = partOf(where.blocks), i = index - 1; part > 1; part--, i--) {
      const previous = page(i);
      if (!previous || partOf(previous.blocks) !== part - 1) return none;
      before.unshift(previous);
    }
    const after: Page[] = [];
    for (let part = partOf(where.blocks) + 1, i = index + 1; ; part++, i++) {
      const next = page(i);
      if (!next || partOf(next.blocks) !== part) break;
      after.push(next);
    }
    return { before, after };
  } catch (error) {
    // No history to read (a scope missing, a hiccup): only the pressed page is recounted.
    logger.warn({ err: error, channel: where.channel }, 'could not read the other parts of a long message');
    return none;
  }
}
