/** Whether a word is a past participle ("appointed", "taken", "set"), in any case: one list for every reader. */

const IRREGULAR_PARTICIPLES = new Set([
  'set',
  'held',
  'made',
  'done',
  'taken',
  'given',
  'built',
  'sent',
  'kept',
  'paid',
  'put',
  'run',
  'met',
  'led',
  'brought',
  'sought',
  'undertaken',
  'spent',
  'shut',
  'cut',
  'laid',
  'drawn',
  'shown',
  'written',
  'chosen',
  'begun',
  'sold',
  'told',
]);

export function isParticiple(word: string): boolean {
  return /(?:ed|en)$/i.test(word) || IRREGULAR_PARTICIPLES.has(word.toLowerCase());
}
