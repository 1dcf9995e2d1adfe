/** Table tests for the pure Block Kit renderer (Card → blocks + fallback text) and Slack text handling. */
import { describe, expect, it } from 'vitest';
import { BLOCK_LIMITS, renderMessages, renderSingleMessage } from '../../adapters/slack/block-kit.js';
import { decodeBlockId, encodeBlockId } from '../../adapters/slack/action-ids.js';
import { fallbackFromBlocks } from '../../adapters/slack/blocks-fallback.js';
import { escapeMrkdwn, toMrkdwn, toPlain } from '../../adapters/slack/mrkdwn.js';
import { commandWords } from '../../adapters/slack/slack-text.js';
import { toDeliveryError } from '../../adapters/slack/slack-errors.js';
import { channelReply, instant, privateReply, type Card, type CardItem } from '../../src/replies/reply.js';
import { blockProblem } from '../helpers/fake-slack-blocks.js';

const item = (n: number, extra: Partial<CardItem> = {}): CardItem => ({
  id: `C-${n}`,
  title: `C-${n} Promise ${n}`,
  lines: ['due Fri 15 Mar · @alice'],
  actions: [
    { id: 'done', label: 'Done', target: `C-${n}`, style: 'primary' },
    {
      id: 'snooze',
      label: 'Snooze',
      target: `C-${n}`,
      options: [
        { label: '1 day', value: '1d' },
        { label: '1 week', value: '1w' },
      ],
      pickDate: true,
    },
    { id: 'status', label: 'Update status', target: `C-${n}`, options: [{ label: 'Blocked', value: 'blocked' }] },
  ],
  ...extra,
});
const card = (items: CardItem[], extra: Partial<Card> = {}): Card => ({
  title: 'Commitments in this channel',
  sections: [{ heading: 'Due soon', items }],
  context: 'list:mine',
  ...extra,
});

describe('renderMessages', () => {
  it.each([
    ['plain text', privateReply('Hello <@U1> & <b>'), 1, 1],
    ['a card with one item', privateReply('x', card([item(1)])), 1, 4],
    ['a card with 23 items (48 blocks)', privateReply('x', card(Array.from({ length: 23 }, (_, i) => item(i + 1)))), 1, 48],
    ['a card with 24 items (50 blocks)', privateReply('x', card(Array.from({ length: 24 }, (_, i) => item(i + 1)))), 1, 50],
    ['a card with 25 items', privateReply('x', card(Array.from({ length: 25 }, (_, i) => item(i + 1)))), 2, 50],
    ['a card with 100 items', privateReply('x', card(Array.from({ length: 100 }, (_, i) => item(i + 1)))), 5, 50],
    ['text of 7,000 characters', privateReply('word '.repeat(1400)), 1, 3],
  ])('%s → %i message(s), first with %i blocks, all valid Block Kit', (_name, reply, messages, firstBlocks) => {
    const pages = renderMessages(reply);
    expect(pages).toHaveLength(messages);
    expect(pages[0].blocks).toHaveLength(firstBlocks);
    for (const page of pages) {
      expect(blockProblem(page.blocks)).toBeUndefined();
      expect(page.text.length).toBeGreaterThan(0);
    }
  });

  it('keeps every item across pages (nothing dropped)', () => {
    const pages = renderMessages(privateReply('x', card(Array.from({ length: 100 }, (_, i) => item(i + 1)))));
    const targets = pages.flatMap((p) =>
      p.blocks.filter((b) => b.type === 'actions').map((b) => decodeBlockId((b as { block_id?: string }).block_id)?.target),
    );
    expect(targets).toEqual(Array.from({ length: 100 }, (_, i) => `C-${i + 1}`));
  });

  it('renders an item: bold title, its lines, Done (primary), Snooze select + date picker, Update status select', () => {
    const [page] = renderMessages(privateReply('fallback', card([item(3)], { footer: 'alice marked C-2 done' })));
    expect(page.text).toBe('fallback');
    expect(page.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Commitments in this channel', emoji: true } });
    expect(page.blocks[1]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: '*Due soon*' } });
    expect(page.blocks[2]).toEqual({
      type: 'section',
      block_id: 'ftrow|0|C-3|0',
      text: { type: 'mrkdwn', text: '*C-3 Promise 3*\ndue Fri 15 Mar · @alice' },
    });
    const actions = page.blocks[3] as any;
    expect(actions.block_id).toBe('ft|0a0|C-3|list:mine');
    // Each element carries its typed action as JSON; a date picker (no value) names its kind in its action id.
    expect(actions.elements).toMatchObject([
      { type: 'button', action_id: 'ft_done', style: 'primary', text: { text: 'Done' }, value: '{"kind":"done","id":"C-3"}' },
      {
        type: 'static_select',
        action_id: 'ft_snooze',
        options: [{ value: '{"kind":"snooze","id":"C-3","choice":"1d"}' }, { value: '{"kind":"snooze","id":"C-3","choice":"1w"}' }],
      },
      { type: 'datepicker', action_id: 'ft_snooze.date' },
      { type: 'static_select', action_id: 'ft_status', options: [{ value: '{"kind":"status","id":"C-3","choice":"blocked"}' }] },
    ]);
    expect(page.blocks[4]).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: 'alice marked C-2 done' }] });
  });

  it('splits a section over 3,000 characters at line breaks', () => {
    const text = Array.from({ length: 100 }, (_, i) => `line ${i} ${'x'.repeat(50)}`).join('\n');
    const [page] = renderMessages(channelReply(text));
    expect(page.blocks.length).toBeGreaterThan(1);
    expect(page.blocks.every((b: any) => b.text.text.length <= BLOCK_LIMITS.sectionText)).toBe(true);
    expect(page.blocks.map((b: any) => b.text.text).join('\n')).toBe(text);
  });
});

describe('renderSingleMessage', () => {
  it('fits one message and says how many more there are and how to see them', () => {
    const message = renderSingleMessage(
      privateReply(
        'x',
        card(
          Array.from({ length: 40 }, (_, i) => item(i + 1)),
          { footer: 'done' },
        ),
      ),
    );
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    expect(blockProblem(message.blocks)).toBeUndefined();
    const shown = message.blocks.filter((b) => b.type === 'actions').length;
    const note = JSON.stringify(message.blocks.at(-2));
    expect(note).toContain(`and ${40 - shown} more`);
    expect(note).toContain('/commitments list mine');
  });

  it('stops at 5 messages for a response_url, naming the rest', () => {
    const pages = renderMessages(privateReply('x', card(Array.from({ length: 150 }, (_, i) => item(i + 1)))), { maxMessages: 5 });
    expect(pages).toHaveLength(5);
    const shown = pages.flatMap((p) => p.blocks.filter((b) => b.type === 'actions')).length;
    expect(JSON.stringify(pages[4].blocks.at(-1))).toContain(`and ${150 - shown} more`);
    for (const page of pages) expect(blockProblem(page.blocks)).toBeUndefined();
  });
});

describe('Slack text', () => {
  it.each([
    [
      'instants become viewer-local date tokens',
      `snoozed until ${instant('2024-03-15T14:00:00Z')}`,
      'snoozed until <!date^1710511200^{date_short_pretty} {time}|Fri 15 Mar 2024 14:00 UTC>',
    ],
    ['mentions survive, markup is escaped', 'owner <@U123> & <script>', 'owner <@U123> &amp; &lt;script&gt;'],
    ['calendar dates stay plain', 'due Fri 15 Mar', 'due Fri 15 Mar'],
    // Each character that makes the text need work, on its own (plain text is passed through untouched).
    ['an ampersand alone is escaped', 'R&D budget', 'R&amp;D budget'],
    ['a lone > is escaped', 'spend > 5%', 'spend &gt; 5%'],
    ['a broadcast word alone is defused', 'tell @here now', 'tell @\u2060here now'],
  ])('%s', (_name, input, output) => {
    expect(toMrkdwn(input)).toBe(output);
  });

  it.each([
    ['a label without markup is kept as is', 'Snooze: pick a date', 'Snooze: pick a date'],
    ['a mention becomes its id', 'C-1 belongs to <@U123|bob>', 'C-1 belongs to @U123'],
    ['a broadcast word alone is defused', 'ask @channel', 'ask @\u2060channel'],
    ['an instant shows its UTC fallback', `until ${instant('2024-03-15T14:00:00Z')}`, 'until Fri 15 Mar 2024 14:00 UTC'],
  ])('plain text: %s', (_name, input, output) => {
    expect(toPlain(input)).toBe(output);
  });

  it('keeps links but never a broadcast: <!here> is shown as typed', () => {
    expect(escapeMrkdwn('see <https://example.org|notice> <!here>')).toBe('see <https://example.org|notice> &lt;!here&gt;');
  });

  it.each([
    [
      '<@U0BOT> add Appoint officers <@U0BOB|bob> due “next week”',
      { text: 'add Appoint officers <@U0BOB> due "next week"', mentions: [{ id: 'U0BOB', nameHint: 'bob' }] },
    ],
    ['done C-3 see <https://example.org/notice>', { text: 'done C-3 see https://example.org/notice', mentions: [] }],
    ['add Fix &lt;legacy&gt; &amp; more', { text: 'add Fix <legacy> & more', mentions: [] }],
    ['  <@U0BOT|followthrough>   list   mine ', { text: 'list mine', mentions: [] }],
  ])('reads %j as command words', (raw, expected) => {
    expect(commandWords(raw, { botUserId: 'U0BOT' })).toEqual(expected);
  });

  it('drops a context too long for a block id rather than the press', () => {
    const id = encodeBlockId(1, { target: 'C-1', context: `list:${'x'.repeat(300)}` });
    expect(id.length).toBeLessThanOrEqual(255);
    expect(decodeBlockId(id)).toEqual({ target: 'C-1', context: undefined });
  });
});

describe('the fallback text said again from the blocks (after a press)', () => {
  it('reads the header, headings, rows and small print, leaves out the buttons, and escapes plain text for mrkdwn', () => {
    const reply = channelReply('ignored', {
      title: 'R&D <review> — 1 overdue',
      subtitle: 'Commitments digest for #general',
      sections: [{ heading: 'Overdue (1)', items: [item(1)] }],
      footer: '1 proposed item awaits review.',
    });
    expect(fallbackFromBlocks(renderSingleMessage(reply).blocks)).toBe(
      [
        'R&amp;D &lt;review&gt; — 1 overdue',
        'Commitments digest for #general',
        '*Overdue (1)*',
        '*C-1 Promise 1*\ndue Fri 15 Mar · @alice',
        '1 proposed item awaits review.',
      ].join('\n'),
    );
  });
});

describe('Slack errors → delivery errors', () => {
  it.each([
    [{ code: 'slack_webapi_rate_limited_error', retryAfter: 12 }, 'RateLimited'],
    [{ code: 'slack_webapi_platform_error', data: { ok: false, error: 'ratelimited' } }, 'RateLimited'],
    [{ code: 'slack_webapi_platform_error', data: { ok: false, error: 'not_in_channel' } }, 'Permanent'],
    [{ code: 'slack_webapi_platform_error', data: { ok: false, error: 'invalid_blocks' } }, 'Transient'],
    [{ code: 'slack_webapi_http_error', statusCode: 502 }, 'Transient'],
    [{ code: 'slack_webapi_request_error' }, 'Transient'],
  ])('%j → %s', (error, name) => {
    expect(toDeliveryError(error).name).toBe(name);
  });
});
