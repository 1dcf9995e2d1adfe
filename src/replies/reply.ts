/**
 * The neutral reply model. The core builds these; each adapter has one pure renderer that turns
 * them into Block Kit, an Adaptive Card or console text. Every reply carries a plain-text fallback.
 *
 * Instants (not calendar dates) may appear inside any text as `<t:ISO>` markers, made by
 * `instant()`; renderers show them in the viewer's zone (Slack `<!date^…>`, Teams DATE/TIME).
 */
import type { CardTally } from './tally.js';

/**
 * Every button the core can put on a card. The answer buttons (`confirm-date`, `set-date`,
 * `event-check`, `review`, `accept`, `edit`, `reject`) answer the question a reminder or a review
 * asks; `done`, `snooze`, `status`, `reopen` are the everyday ones.
 */
export const BUTTON_IDS = [
  'done',
  'snooze',
  'status',
  'reopen',
  'confirm-date',
  'set-date',
  'event-check',
  'review',
  'accept',
  'edit',
  'reject',
] as const;
export type ButtonId = (typeof BUTTON_IDS)[number];

export interface CardAction {
  /** What the button does; the adapter sends it back in an `Action`. */
  id: ButtonId;
  label: string;
  /** Commitment (or event) the action is about. */
  target: string;
  /** Extra value (snooze length, status name, …). */
  value?: string;
  style?: 'primary' | 'danger';
  /** A choice of values (rendered as an overflow menu / choice set). */
  options?: { label: string; value: string }[];
  /** Also offer a date picker; the picked `YYYY-MM-DD` comes back as the value. */
  pickDate?: boolean;
  /** Offer a person picker (Slack users_select, Teams people picker); the picked user id comes back as the value. */
  pickUser?: boolean;
}

export interface CardField {
  label: string;
  value: string;
}

/** One commitment (or other thing) inside a card. */
export interface CardItem {
  /** The commitment id (`C-3`), when the item is one. */
  id?: string;
  title: string;
  /** Short secondary lines: due, owners, status. */
  lines?: string[];
  actions?: CardAction[];
  /** Who owns the commitment, so a renderer can name them its own way (Slack mentions) without reading them again. */
  owners?: readonly { id: string; name: string }[];
  /**
   * The group the row is in now ('overdue', 'needs-date', …; 'done' or 'dropped' once closed), when
   * its message counts groups: a press that moves it lets the title and headings count it anew (tally.ts).
   */
  group?: string;
  /**
   * The group of the section that counted this row when its message was sent, once a press has
   * moved it under another heading (a done row out of "Overdue", under "Done"; settle-pressed-rows.ts).
   */
  section?: string;
}

export interface CardSection {
  /** With a count at its end ("Overdue (2)") when `group` and `count` are given. */
  heading?: string;
  /** The group this section's heading counts, and how many it held when built (shown or not). */
  group?: string;
  count?: number;
  /** Made after the message was sent, for rows presses moved under it (settle-pressed-rows.ts). */
  made?: boolean;
  text?: string;
  fields?: CardField[];
  items?: CardItem[];
}

export interface Card {
  title: string;
  subtitle?: string;
  sections: CardSection[];
  actions?: CardAction[];
  /** Small print at the end ("and 4 more", "changes since last digest"). */
  footer?: string;
  /**
   * What a button press on this card refers to: `list:<filter>` (a private list), `item:<id>` (a
   * private `show`), `digest:` (a channel digest), `announce:<id>` (an announcement in the channel),
   * `owner:<userId>` (an owner's daily message). See `isSharedContext`.
   */
  context?: string;
  /**
   * Seen by everyone in a channel (a digest, an announcement): a press updates only the pressed
   * item's row (ActionOutcome.item, .note) and never replaces the message; a refusal answers only
   * the presser.
   */
  shared?: boolean;
  /** How the title's counts were made, so they can be said again after a press (tally.ts). */
  tally?: CardTally;
}

export interface Reply {
  /** `channel`: everyone in the conversation sees it; `private`: only the asking user. */
  visibility: 'channel' | 'private';
  /** Plain-text version of the whole reply (notifications, screen readers, console). */
  text: string;
  card?: Card;
}

/** Digests and announcements are shared; an owner's daily message is theirs alone but is also updated row by row. */
export function isSharedContext(context: string | undefined): boolean {
  return context === 'digest:' || (context?.startsWith('digest:') ?? false) || (context?.startsWith('announce:') ?? false);
}

/** Contexts whose messages are updated one row at a time (never replaced by another card). */
export function isRowContext(context: string | undefined): boolean {
  return isSharedContext(context) || (context?.startsWith('owner:') ?? false);
}

const INSTANT_MARKER = /<t:([0-9TZ:.+-]+)>/g;

/** Marks an instant inside text so each platform can show it in the viewer's own zone. */
export function instant(iso: string): string {
  return `<t:${iso}>`;
}

/** Replaces instant markers with whatever a renderer wants. */
export function replaceInstants(text: string, render: (iso: string) => string): string {
  return text.replace(INSTANT_MARKER, (_, iso: string) => render(iso));
}

export function privateReply(text: string, card?: Card): Reply {
  return { visibility: 'private', text, card };
}

export function channelReply(text: string, card?: Card): Reply {
  return { visibility: 'channel', text, card };
}
