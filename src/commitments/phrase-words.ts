/** Word-level helpers shared by the deadline readers: normalising a phrase and reading counts. */

const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  'forty-five': 45,
  fifty: 50,
  sixty: 60,
  ninety: 90,
  hundred: 100,
  'a hundred': 100,
  'one hundred': 100,
};

/** Regex source for a count said in digits or words ("10", "ten", "a"). */
export const COUNT_SOURCE = `(\\d{1,4}|${Object.keys(NUMBER_WORDS)
  .sort((a, b) => b.length - a.length)
  .join('|')})`;

/** Reads a count said in digits or words; undefined when it is not one. */
export function readCount(word: string): number | undefined {
  if (/^\d{1,4}$/.test(word)) return Number(word);
  return NUMBER_WORDS[word.toLowerCase()];
}

/** Removes quotes wrapped around the whole phrase and trailing sentence punctuation. */
export function trimPhrase(phrase: string): string {
  let text = phrase
    .trim()
    .replace(/[.;,!]+$/, '')
    .trim();
  const wrapped = /^["“”'‘’](.*)["“”'‘’]$/s.exec(text);
  if (wrapped) text = wrapped[1].trim();
  return text;
}

/** Lower-cased, quote-free, single-spaced form the readers match against. */
export function normalisePhrase(phrase: string): string {
  return trimPhrase(phrase).replace(/["“”]/g, '').replace(/[‘’]/g, "'").replace(/\s+/g, ' ').toLowerCase().trim();
}

/** The phrase without quote marks, with its case kept: for event names and end conditions. */
export function withoutQuotes(text: string): string {
  return trimPhrase(text.replace(/["“”]/g, '')).replace(/\s+/g, ' ');
}
