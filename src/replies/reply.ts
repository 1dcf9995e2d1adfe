/**
 * The neutral reply model. The core builds these; each adapter has one pure renderer that turns
 * them into Block Kit, an Adaptive Card or console text. Every reply carries a plain-text fallback.
 *
 * Instants (not calendar dates) may appear inside any text as `<t:ISO>` markers, made by
 * `instant()`; renderers show them in the viewer's zone (Slack `<!date^…>`, Teams DATE/TIME).
 */

export type ButtonId = 'done' | 'snooze' | 'status' | 'reopen' | 'confirm-date' | 'event-check';

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
}

export interface CardSection {
  heading?: string;
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
  /** What re-renders this card after a button press: `list:<filter>` or `item:<id>`. */
  context?: string;
}

export interface Reply {
  /** `channel`: everyone in the conversation sees it; `private`: only the asking user. */
  visibility: 'channel' | 'private';
  /** Plain-text version of the whole reply (notifications, screen readers, console). */
  text: string;
  card?: Card;
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
