/**
 * Text as Teams shows it, measured in the Microsoft 365 Agents Playground (see
 * tests/e2e/playground/run-playground.ts): in a card's TextBlock a single newline does not break
 * the line and an unknown `<word>` is dropped as HTML, while `&lt;` shows as `<`; in a text message
 * `<word>` shows as typed except inside a code span, where it shows as `&lt;word&gt;`, and a single
 * newline does not break the line either. These helpers make both show what the core wrote.
 */

const CODE_SPAN = /(`[^`\n]*`)/;

/** Card text: `&`, `<`, `>` as entities outside code spans (inside one they already show as typed). */
export function escapeCardMarkdown(text: string): string {
  return text
    .split(CODE_SPAN)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')))
    .join('');
}

/** The lines of a card text, each for its own TextBlock; `gap` marks a line after a blank one. */
export function cardLines(text: string): { text: string; gap: boolean }[] {
  const lines: { text: string; gap: boolean }[] = [];
  let gap = false;
  for (const line of text.split('\n')) {
    if (line.trim() === '') {
      gap = lines.length > 0;
      continue;
    }
    lines.push({ text: line, gap });
    gap = false;
  }
  return lines;
}

/**
 * A text message: every line break kept (as a paragraph break, which every Teams client honours),
 * and a code span holding `<`, `>` or `&` shown as plain text so it is not escaped on screen.
 */
export function teamsMessageText(text: string): string {
  const unescaped = text
    .split(CODE_SPAN)
    .map((part, i) => (i % 2 === 1 && /[<>&]/.test(part) ? part.slice(1, -1) : part))
    .join('');
  return unescaped
    .split('\n')
    .filter((line) => line.trim() !== '')
    .join('\n\n');
}
