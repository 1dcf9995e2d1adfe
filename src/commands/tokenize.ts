/** Splits command text into words, keeping quoted phrases whole (straight or curly quotes). */

export interface CommandInput {
  /** Quote-aware words; a quoted phrase is one word without its quotes. */
  words: string[];
  /** Which words were quoted (a quoted word is never a keyword). */
  quoted: boolean[];
  /** The raw text after the command name, curly quotes folded. */
  rest: string;
}

/** Curly quotes count as quotes: chat clients love to "smarten" them. */
export function foldQuotes(text: string): string {
  return text.replace(/[\u201C\u201D\u201E\u201F\u00AB\u00BB]/g, '"').replace(/[\u2018\u2019\u201A\u201B]/g, "'");
}

export function tokenize(text: string): { words: string[]; quoted: boolean[] } {
  const words: string[] = [];
  const quoted: boolean[] = [];
  const pattern = /"([^"]*)"|(\S+)/g;
  for (const match of foldQuotes(text).matchAll(pattern)) {
    if (match[1] !== undefined) {
      words.push(match[1]);
      quoted.push(true);
    } else {
      words.push(match[2]);
      quoted.push(false);
    }
  }
  return { words, quoted };
}

/** The text after the first `count` words, as typed (quotes kept). */
export function textAfterWords(text: string, count: number): string {
  let rest = foldQuotes(text).trim();
  for (let i = 0; i < count; i++) {
    const match = /^("[^"]*"|\S+)\s*/.exec(rest);
    if (!match) return '';
    rest = rest.slice(match[0].length);
  }
  return rest.trim();
}

export function commandInput(restText: string): CommandInput {
  const { words, quoted } = tokenize(restText);
  return { words, quoted, rest: foldQuotes(restText).trim() };
}

/** `<@U123>` → `U123`; anything else → undefined. */
export function mentionId(word: string): string | undefined {
  const match = /^<@([^>|]+)(?:\|[^>]*)?>$/.exec(word);
  return match ? match[1] : undefined;
}
