// Pure pieces of the Teams adapter as table tests: the Adaptive Card renderer, message text
// cleaning, addresses, auth-mode decisions and delivery-error mapping.
import { describe, expect, it } from 'vitest';
import { plainText, renderAdaptiveCard } from '../../adapters/teams/adaptive-card.js';
import { pressedCardAction } from '../../adapters/teams/card-action-data.js';
import { teamsAuth, tenantAllowed, TeamsStartError } from '../../adapters/teams/auth-settings.js';
import { deliveryError } from '../../adapters/teams/delivery-errors.js';
import { commandText } from '../../adapters/teams/message-text.js';
import { parseTeamsAddress, userAddress } from '../../adapters/teams/teams-address.js';
import { Permanent, RateLimited, Transient } from '../../src/ports/chat-adapter.js';
import { channelReply, instant, privateReply, type Card } from '../../src/replies/reply.js';

const listCard: Card = {
  title: 'Open in #general',
  subtitle: '2 items',
  context: 'list:',
  sections: [
    {
      heading: 'Overdue (1)',
      items: [
        {
          id: 'C-1',
          title: 'C-1 Appoint liaison officers',
          lines: ['overdue since 5 Feb · @Ann'],
          actions: [
            { id: 'done', label: 'Done', target: 'C-1', style: 'primary' },
            { id: 'snooze', label: 'Snooze', target: 'C-1', options: [{ label: '1 day', value: '1d' }], pickDate: true },
          ],
        },
      ],
    },
    { fields: [{ label: 'Owner', value: '<@aad-ann>' }] },
  ],
  footer: `next digest ${instant('2024-01-30T04:00:00.000Z')}`,
};

describe('renderAdaptiveCard', () => {
  const card = renderAdaptiveCard(channelReply('Open: 2', listCard), { names: new Map([['aad-ann', 'Ann']]) });
  const json = JSON.stringify(card);

  it.each([
    ['schema version 1.5', () => expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' })],
    ['title first, bold', () => expect(card.body[0]).toMatchObject({ type: 'TextBlock', text: 'Open in #general', weight: 'Bolder' })],
    ['subtitle subtle', () => expect(card.body[1]).toMatchObject({ text: '2 items', isSubtle: true })],
    ['section heading', () => expect(json).toContain('"text":"Overdue (1)"')],
    ['fields as a FactSet with mention names', () => expect(json).toContain('{"title":"Owner","value":"@Ann"}')],
    [
      'Done is Action.Execute with verb and data',
      () =>
        expect(json).toContain(
          '{"type":"Action.Execute","title":"Done","verb":"done","data":{"action":{"kind":"done","id":"C-1"},"context":"list:"},"style":"positive"}',
        ),
    ],
    [
      'Snooze shows a choice and a date picker',
      () => {
        expect(json).toContain('"type":"Action.ShowCard","title":"Snooze"');
        expect(json).toContain('"type":"Input.ChoiceSet"');
        expect(json).toContain('"type":"Input.Date"');
      },
    ],
    [
      'instants use DATE/TIME so each viewer sees their zone',
      () => expect(json).toContain('{{DATE(2024-01-30T04:00:00Z, SHORT)}} {{TIME(2024-01-30T04:00:00Z)}}'),
    ],
    ['plain-text fallback', () => expect(card.fallbackText).toBe('Open: 2')],
  ])('%s', (_name, check) => check());

  it('renders a text-only reply as a one-block card and appends a notice in attention colour', () => {
    const refused = renderAdaptiveCard(privateReply('Only the owners can do that.'), { notice: 'Refused.' });
    expect(refused.body).toEqual([
      { type: 'TextBlock', text: 'Only the owners can do that.', wrap: true },
      { type: 'TextBlock', text: 'Refused.', color: 'Attention', wrap: true, separator: true },
    ]);
  });

  const press = { kind: 'snooze', id: 'C-1' };
  it.each([
    [{ action: { ...press, choice: '1d' } }, '1d'],
    [{ action: press, inputId: 'v', v: '1w' }, '1w'],
    [{ action: press, inputId: 'v', v: '1w', dateId: 'd', d: '2024-03-01' }, '2024-03-01'],
    [{ action: press, inputId: 'v', v: '1w', dateId: 'd', d: '' }, '1w'],
    [{ action: press }, undefined],
  ])('the choice of %j is %s', (data, expected) => expect(pressedCardAction('snooze', data)?.choice).toBe(expected));

  it.each([
    ['no typed action', { target: 'C-1', value: '1d' }],
    ['a kind that disagrees with the verb', { action: { kind: 'done', id: 'C-1' } }],
    ['extra fields in the action', { action: { ...press, command: 'edit C-1 title x' } }],
    ['an input value that is not text', { action: press, inputId: 'v', v: { nested: true } }],
  ])('refuses %s', (_name, data) => expect(pressedCardAction('snooze', data)).toBeUndefined());

  it('plain text names mentions and writes instants in UTC', () => {
    expect(plainText(`<@x|Ann> snoozed until ${instant('2024-01-30T14:00:00Z')}`)).toBe('@Ann snoozed until 2024-01-30 14:00 UTC');
  });
});

describe('Teams text shows what the core wrote (as measured in the Agents Playground)', () => {
  const help = privateReply('Commands:\nlist [mine]\nadd <title> due <when>', {
    title: 'Followthrough commands',
    sections: [
      { text: 'Try:\n- `add <title> due <when>`\n- done <id> [note]\n\nTom & Jerry <b>' },
      { fields: [{ label: 'done <id> [note]', value: 'Mark <id> done & say so' }] },
    ],
    footer: 'Type `help <command>` for examples.\nOr `help`.',
  });
  const card = renderAdaptiveCard(help);
  const texts = card.body.filter((e) => e.type === 'TextBlock').map((e) => e.text);

  it('gives every line of a text its own TextBlock (one newline does not break a line in a card)', () => {
    expect(texts).toEqual([
      'Followthrough commands',
      'Try:',
      '- `add <title> due <when>`',
      '- done &lt;id&gt; [note]',
      'Tom &amp; Jerry &lt;b&gt;',
      'Type `help <command>` for examples.',
      'Or `help`.',
    ]);
    const afterBlank = card.body.find((e) => e.text === 'Tom &amp; Jerry &lt;b&gt;');
    expect(afterBlank).toMatchObject({ spacing: 'Medium' });
    expect(card.body.find((e) => e.text === '- done &lt;id&gt; [note]')).toMatchObject({ spacing: 'None' });
  });

  it('writes <, > and & as entities outside code spans (a card drops an unknown <word> as HTML) and keeps them inside', () => {
    expect(JSON.stringify(card.body)).toContain('{"title":"done &lt;id&gt; [note]","value":"Mark &lt;id&gt; done &amp; say so"}');
  });

  it('a text message keeps each line as a paragraph and shows a code span with <…> as plain text (else Teams shows &lt;…&gt;)', async () => {
    const { teamsMessageText } = await import('../../adapters/teams/teams-markdown.js');
    expect(teamsMessageText('Usage: `add <title> due <when>` — for example `add X due Fri`.\nNothing was changed.')).toBe(
      'Usage: add <title> due <when> — for example `add X due Fri`.\n\nNothing was changed.',
    );
  });
});

describe('commandText', () => {
  it.each([
    ['list', 'list'],
    ['  list&nbsp;mine ', 'list mine'],
    ['add &ldquo;Review by legal&rdquo; due Fri', 'add "Review by legal" due Fri'],
    ['add “Review” due Fri', 'add "Review" due Fri'],
    ['add <b>bold</b> thing<br>due 1 May', 'add bold thing due 1 May'],
    ['<p>done C-1 &amp; more</p>', 'done C-1 & more'],
    ['show &lt;C-1&gt;', 'show <C-1>'],
  ])('%j → %j', (html, words) => expect(commandText(html)).toBe(words));

  it('rewrites other mentions as <@aadObjectId>', () => {
    expect(commandText('add Task <at>Bob Lee</at> due Fri', [{ text: '<at>Bob Lee</at>', aadObjectId: 'aad-bob' }])).toBe(
      'add Task <@aad-bob> due Fri',
    );
  });
});

describe('addresses, auth mode and errors', () => {
  it('round-trips addresses whose ids contain colons', () => {
    expect(parseTeamsAddress('teams:t1:19:abc@thread.tacv2')).toEqual({
      kind: 'conversation',
      tenantId: 't1',
      conversationKey: '19:abc@thread.tacv2',
    });
    expect(parseTeamsAddress(userAddress('t1', 'aad-1'))).toEqual({ kind: 'user', tenantId: 't1', aadObjectId: 'aad-1' });
  });

  const base = {
    HOST: '127.0.0.1',
    MICROSOFT_APP_TYPE: 'SingleTenant' as const,
    TEAMS_ALLOW_UNAUTHENTICATED: false,
    TEAMS_ALLOWED_TENANTS: [],
    TEAMS_ADMIN_AAD_IDS: [],
  };
  it.each([
    ['no app id, not allowed', { ...base }, /MICROSOFT_APP_ID is not set/],
    ['no app id on 0.0.0.0', { ...base, TEAMS_ALLOW_UNAUTHENTICATED: true, HOST: '0.0.0.0' }, /Refusing to start/],
    ['single tenant without tenant id', { ...base, MICROSOFT_APP_ID: 'a' }, /MICROSOFT_APP_TENANT_ID is required/],
    ['app id without its secret', { ...base, MICROSOFT_APP_ID: 'a', MICROSOFT_APP_TENANT_ID: 't1' }, /MICROSOFT_APP_PASSWORD is missing/],
  ])('refuses: %s', (_n, config, message) => {
    expect(() => teamsAuth(config)).toThrow(TeamsStartError);
    expect(() => teamsAuth(config)).toThrow(message);
  });

  it('defaults the tenant allow-list to the app tenant', () => {
    const auth = teamsAuth({ ...base, MICROSOFT_APP_ID: 'a', MICROSOFT_APP_PASSWORD: 's', MICROSOFT_APP_TENANT_ID: 't1' });
    expect(auth).toMatchObject({ authenticated: true, botId: 'a', allowedTenants: ['t1'] });
    expect(tenantAllowed(auth, 't1')).toBe(true);
    expect(tenantAllowed(auth, 't2')).toBe(false);
    expect(teamsAuth({ ...base, TEAMS_ALLOW_UNAUTHENTICATED: true }).botId).not.toBe('');
  });

  it.each([
    [{ statusCode: 429, response: { headers: { get: () => '3' } } }, RateLimited],
    [{ statusCode: 412 }, Transient],
    [{ statusCode: 502 }, Transient],
    [{ statusCode: 504 }, Transient],
    [{ code: 'ECONNREFUSED' }, Transient],
    [{ statusCode: 403 }, Permanent],
    [{ statusCode: 404 }, Permanent],
  ])('maps %j', (error, type) => expect(deliveryError(error)).toBeInstanceOf(type));
});

describe('the help card in Teams: every usage whole, on a line of its own', () => {
  it('long usages go stacked (label above its summary), not in a FactSet column that breaks them mid-word', async () => {
    const { createHarness } = await import('../helpers/core-harness.js');
    const h = createHarness();
    const help = await h.core.handle(h.invocation('help'));
    const card = renderAdaptiveCard(help);
    const json = JSON.stringify(card.body);
    expect(json).not.toContain('"FactSet"');
    const blocks: string[] = [];
    const walk = (node: any): void => {
      if (!node || typeof node !== 'object') return;
      if (node.type === 'TextBlock') blocks.push(node.text);
      for (const value of Array.isArray(node) ? node : Object.values(node)) walk(value);
    };
    walk(card.body);
    // Each usage is one TextBlock, bold, followed by its summary.
    const usage = 'list [mine|overdue|proposed|all|everywhere|@user|tag:x]';
    expect(blocks).toContain(usage);
    expect(blocks[blocks.indexOf(usage) + 1]).toMatch(/^Show this channel's open commitments/);
    expect(blocks).toContain('done &lt;id&gt; [note]');
    await h.close();
  });

  it('short labels (show: Due, Parties, Tags) keep the two-column FactSet', () => {
    const show = renderAdaptiveCard(
      privateReply('C-1', {
        title: 'C-1',
        sections: [
          {
            fields: [
              { label: 'Due', value: 'Fri 15 Mar' },
              { label: 'Parties', value: 'Iran FM' },
            ],
          },
        ],
      }),
    );
    expect(JSON.stringify(show.body)).toContain('"FactSet"');
  });
});
