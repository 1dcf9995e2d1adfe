/**
 * The neutral reply as an Adaptive Card 1.5: a pure function. Buttons become `Action.Execute`
 * (Universal Actions) whose verb is the button id and whose data carries target, value and the
 * card's context, so a press can be replayed through the core and the card rebuilt in place.
 */
import {
  replaceInstants,
  type Card,
  type CardAction,
  type CardField,
  type CardItem,
  type CardSection,
  type Reply,
} from '../../src/replies/reply.js';
import { actionRows } from './action-rows.js';
import type { ExecuteData } from './card-action-data.js';
import { cardLines, escapeCardMarkdown } from './teams-markdown.js';

export type AdaptiveElement = Record<string, unknown>;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: '1.5';
  body: AdaptiveElement[];
  actions?: AdaptiveElement[];
  fallbackText?: string;
  msteams?: { width: 'Full' };
}

export interface RenderOptions {
  /** Display names for `<@id>` mentions; unknown ids show as `@id`. */
  names?: ReadonlyMap<string, string>;
  /** A line shown in attention colour at the end (a refusal after a button press). */
  notice?: string;
  /** "✅ Sara marked C-1 done" lines, shown under the card after presses on it. */
  log?: readonly string[];
}

const SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

export function renderAdaptiveCard(reply: Reply, options: RenderOptions = {}): AdaptiveCard {
  const text = (s: string) => escapeCardMarkdown(cardText(s, options.names));
  const blocks = (s: string, props: AdaptiveElement = {}) => textBlocks(text(s), props);
  const card: Card = reply.card ?? { title: '', sections: [{ text: reply.text }] };
  const body: AdaptiveElement[] = [];
  if (card.title) body.push(...blocks(card.title, { size: 'Medium', weight: 'Bolder' }));
  if (card.subtitle) body.push(...blocks(card.subtitle, { isSubtle: true, spacing: 'None' }));
  for (const section of card.sections) body.push(...renderSection(section, card.context, text));
  if (card.actions?.length) body.push(actionSet(card.actions, card.context));
  if (card.footer) body.push(...blocks(card.footer, { isSubtle: true, size: 'Small', separator: true }));
  if (options.log?.length) body.push(...blocks(options.log.join('\n'), { separator: true }));
  if (options.notice) body.push(...blocks(options.notice, { color: 'Attention', separator: true }));
  // Read where the card is not shown: it ends with the same "✅ who did what" lines.
  const fallbackText = clipText(plainText([reply.text, ...(options.log ?? [])].join('\n'), options.names), MAX_SUMMARY_CHARS);
  return {
    type: 'AdaptiveCard',
    $schema: SCHEMA,
    version: '1.5',
    body: fitBody(body, MAX_CARD_CHARS - fallbackText.length),
    fallbackText,
    msteams: { width: 'Full' },
  };
}

/**
 * Teams refuses a bot message over about 100 KB counted in UTF-16 (413 MessageSizeTooBig) and asks
 * bots to stay within 80 KB; a list item with its buttons takes about 1.5 K characters of card
 * JSON. 30,000 characters (60 KB) leaves room for the activity, its summary and the fallback text.
 */
export const MAX_CARD_CHARS = 30_000;
export const MAX_SUMMARY_CHARS = 1_000;

export function clipText(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}

/** The reply's text for notifications and clients without cards: mentions as names, instants in UTC. */
export function plainText(value: string, names?: ReadonlyMap<string, string>): string {
  const withNames = value.replace(/<@([^>|]+)(?:\|([^>]*))?>/g, (_, id: string, label?: string) => `@${label || names?.get(id) || id}`);
  return replaceInstants(withNames, (iso) => `${new Date(iso).toISOString().slice(0, 16).replace('T', ' ')} UTC`);
}

/** Card text: Teams shows `{{DATE()}}`/`{{TIME()}}` in each viewer's own zone. */
function cardText(value: string, names?: ReadonlyMap<string, string>): string {
  const withNames = value.replace(/<@([^>|]+)(?:\|([^>]*))?>/g, (_, id: string, label?: string) => `@${label || names?.get(id) || id}`);
  return replaceInstants(withNames, (iso) => {
    const rfc3339 = `${new Date(iso).toISOString().slice(0, 19)}Z`;
    return `{{DATE(${rfc3339}, SHORT)}} {{TIME(${rfc3339})}}`;
  });
}

type Element = AdaptiveElement;
const isItem = (e: Element) => e.type === 'Container' && typeof e.id === 'string' && e.id.startsWith('item-');
const sizeOf = (elements: Element[]) => JSON.stringify(elements).length;
const withoutButtons = (e: Element): Element => ({ ...e, items: (e.items as Element[]).filter((x) => x.type !== 'ActionSet') });
const subtle = (text: string): Element => ({ type: 'TextBlock', text, isSubtle: true, wrap: true, separator: true });

/**
 * Fits a long card into Teams' size limit without dropping anything silently: every item as text
 * with buttons on the first ones (the most urgent come first), else the items that fit and
 * "…and N more".
 */
function fitBody(body: Element[], budget: number): Element[] {
  if (sizeOf(body) <= budget) return body;
  let lastItem = body.length - 1;
  while (lastItem >= 0 && !isItem(body[lastItem])) lastItem--;
  const plain = body.map((e) => (isItem(e) ? withoutButtons(e) : e));
  const buttonsNote = subtle(
    'Buttons are on the first items only (a Teams message has a size limit); for the others type `done C-n`, `snooze C-n 1w` or `status C-n blocked`.',
  );
  const withNote = (elements: Element[], note: Element) => [...elements.slice(0, lastItem + 1), note, ...elements.slice(lastItem + 1)];
  if (sizeOf(withNote(plain, buttonsNote)) > budget) return hideOverflow(plain, lastItem, budget);
  const out = [...plain];
  for (let i = 0; i <= lastItem; i++) {
    if (!isItem(body[i])) continue;
    out[i] = body[i];
    if (sizeOf(withNote(out, buttonsNote)) > budget) {
      out[i] = plain[i];
      break;
    }
  }
  return withNote(out, buttonsNote);
}

/** The items that fit, in order, then how many did not and how to see them. */
function hideOverflow(body: Element[], lastItem: number, budget: number): Element[] {
  const tail = body.slice(lastItem + 1);
  const note = (hidden: number) =>
    subtle(`…and ${hidden} more — type \`list overdue\`, \`list mine\` or \`list tag:x\` to see fewer at a time.`);
  const kept: Element[] = [];
  let hidden = 0;
  for (const element of body.slice(0, lastItem + 1)) {
    if (hidden === 0 && sizeOf([...kept, element, note(99_999), ...tail]) <= budget) kept.push(element);
    else if (isItem(element)) hidden++;
  }
  return [...kept, note(hidden), ...tail];
}

/**
 * One TextBlock per line: in a card a single newline does not break the line (Agents Playground,
 * Teams), so each line gets its own block; `props` go on the first, the rest follow tightly.
 */
export function textBlocks(text: string, props: AdaptiveElement = {}): AdaptiveElement[] {
  const { separator, spacing, ...look } = props;
  return cardLines(text).map((line, i) => ({
    type: 'TextBlock',
    text: line.text,
    wrap: true,
    ...look,
    ...(i === 0 ? { ...(separator ? { separator } : {}), ...(spacing ? { spacing } : {}) } : { spacing: line.gap ? 'Medium' : 'None' }),
  }));
}

function renderSection(section: CardSection, context: string | undefined, text: (s: string) => string): AdaptiveElement[] {
  const out: AdaptiveElement[] = [];
  if (section.heading) out.push(...textBlocks(text(section.heading), { weight: 'Bolder', spacing: 'Medium' }));
  if (section.text) out.push(...textBlocks(text(section.text)));
  if (section.fields?.length) out.push(...renderFields(section.fields, text));
  for (const item of section.items ?? []) out.push(renderItem(item, context, text));
  return out;
}

/**
 * A FactSet gives its titles a narrow column, where a long one without spaces ("list
 * [mine|overdue|proposed|…]") breaks mid-word; such fields go stacked instead, each label on a
 * line of its own above its value. Short labels ("Due", "Parties") keep the two columns.
 */
export const FACT_LABEL_MAX = 16;

function renderFields(fields: readonly CardField[], text: (s: string) => string): AdaptiveElement[] {
  if (fields.every((f) => f.label.length <= FACT_LABEL_MAX)) {
    return [{ type: 'FactSet', facts: fields.map((f) => ({ title: text(f.label), value: text(f.value) })) }];
  }
  return fields.map((f, i) => ({
    type: 'Container',
    spacing: i === 0 ? 'Medium' : 'Small',
    items: [...textBlocks(text(f.label), { weight: 'Bolder' }), ...textBlocks(text(f.value), { spacing: 'None' })],
  }));
}

function renderItem(item: CardItem, context: string | undefined, text: (s: string) => string): AdaptiveElement {
  const items: AdaptiveElement[] = textBlocks(text(item.title), { weight: 'Bolder' });
  for (const line of item.lines ?? []) items.push(...textBlocks(text(line), { isSubtle: true, spacing: 'None' }));
  // The answers to the item's question on a row of their own, the everyday buttons on the next (action-rows.ts).
  for (const [i, row] of actionRows(item.actions ?? []).entries())
    items.push({ ...actionSet(row, context), ...(i > 0 ? { spacing: 'Small' } : {}) });
  return { type: 'Container', id: item.id ? `item-${item.id}` : undefined, separator: true, items };
}

function actionSet(actions: readonly CardAction[], context: string | undefined): AdaptiveElement {
  return { type: 'ActionSet', actions: actions.map((a) => renderAction(a, context)) };
}

function renderAction(action: CardAction, context: string | undefined): AdaptiveElement {
  const typed = { kind: action.id, id: action.target, ...(action.value ? { choice: action.value } : {}) };
  const data: ExecuteData = { action: typed, ...(context ? { context } : {}) };
  const style = action.style === 'primary' ? 'positive' : action.style === 'danger' ? 'destructive' : undefined;
  if (!action.options?.length && !action.pickDate && !action.pickUser) {
    return { type: 'Action.Execute', title: action.label, verb: action.id, data, ...(style ? { style } : {}) };
  }
  // A choice (and maybe a date) first, then one Execute that sends the inputs back with the data.
  const inputId = `value-${action.id}-${action.target}`;
  const dateId = `date-${action.id}-${action.target}`;
  const body: AdaptiveElement[] = [];
  if (action.options?.length) {
    body.push({
      type: 'Input.ChoiceSet',
      id: inputId,
      style: 'expanded',
      value: action.options[0].value,
      choices: action.options.map((o) => ({ title: o.label, value: o.value })),
    });
  }
  if (action.pickDate) body.push({ type: 'Input.Date', id: dateId, label: 'Or pick a date' });
  // A person picker (Accept, naming the owner): Teams searches the tenant's directory and sends back the AAD object id.
  if (action.pickUser)
    body.push({
      type: 'Input.ChoiceSet',
      id: inputId,
      placeholder: 'Type a name',
      choices: [],
      'choices.data': { type: 'Data.Query', dataset: 'graph.microsoft.com/users' },
    });
  const inputs: ExecuteData = {
    action: { kind: action.id, id: action.target },
    ...(context ? { context } : {}),
    ...(action.options?.length || action.pickUser ? { inputId } : {}),
    ...(action.pickDate ? { dateId } : {}),
  };
  return {
    type: 'Action.ShowCard',
    title: action.label,
    card: {
      type: 'AdaptiveCard',
      body,
      actions: [{ type: 'Action.Execute', title: action.label, verb: action.id, data: inputs }],
    },
  };
}
