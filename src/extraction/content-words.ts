/**
 * Content words of a phrase, lightly stemmed, so two wordings of one promise can be compared
 * ("operationalisation" and "operationalise" meet; "the", "will", "agreed" do not count).
 */

const STOPWORDS = new Set(
  (
    'a an the and or nor but of to in on at by for with from into onto over under about as than then that this these those ' +
    'it its their his her our your they them we he she you i is are was were be been being has have had do does did ' +
    'will shall would should must may might can could also further both each all any other such which who whom whose ' +
    'agreed agree decided decide said says not no its within after before until till during per cent two sides side ' +
    'would there here so very more most own same some one upon including including via'
  ).split(/\s+/),
);

/** Strips common English suffixes: enough for matching, not a real stemmer. */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/[’']s$/, '');
  for (const suffix of ['isation', 'ization', 'ation', 'ition', 'ment', 'ness', 'ings', 'ing', 'ies', 'ied', 'ly', 'ed', 'es', 'e', 's']) {
    if (w.length - suffix.length >= 4 && w.endsWith(suffix)) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  if (w.endsWith('is') || w.endsWith('iz')) w = w.slice(0, -2);
  return w;
}

export function contentWords(text: string): Set<string> {
  const words = text.toLowerCase().match(/[a-z0-9][a-z0-9'’-]*/g) ?? [];
  const result = new Set<string>();
  for (const word of words) {
    if (STOPWORDS.has(word) || word.length < 2) continue;
    result.add(stem(word));
  }
  return result;
}

/** How many of `target`'s content words also occur in `source`. */
export function overlapCount(source: Set<string>, target: Set<string>): number {
  let count = 0;
  for (const word of target) if (source.has(word)) count++;
  return count;
}
