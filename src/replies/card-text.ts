/**
 * A card read as plain lines — title, subtitle, each section's heading, text, fields and items, the
 * footer — for the text a platform shows where the card is not (a notification, a preview, a screen
 * reader). After a press has patched a card, its reply's text is said again from it, so that text
 * reads the rows and counts the card now shows, not those it was sent with. Buttons are left out. Pure.
 */
import type { Card } from './reply.js';

export function cardText(card: Card): string {
  const lines = [card.title, card.subtitle];
  for (const section of card.sections) {
    lines.push(section.heading, section.text);
    for (const field of section.fields ?? []) lines.push(`${field.label}: ${field.value}`);
    for (const item of section.items ?? []) lines.push(item.title, ...(item.lines ?? []).map((line) => `  ${line}`));
  }
  lines.push(card.footer);
  return lines.filter((line): line is string => Boolean(line)).join('\n');
}
