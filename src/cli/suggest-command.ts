/** "did you mean status?": the known command closest to a mistyped one, by edit distance. */

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** The closest name within a third of its length (at least 1, at most 3 edits), or undefined. */
export function suggestCommand(typed: string, names: readonly string[]): string | undefined {
  const word = typed.toLowerCase();
  let best: { name: string; score: number } | undefined;
  for (const name of names) {
    const score = distance(word, name);
    const allowed = Math.min(3, Math.max(1, Math.floor(name.length / 3)));
    if (score <= allowed && (!best || score < best.score)) best = { name, score };
  }
  return best?.name ?? names.find((name) => name.startsWith(word) && word.length >= 3);
}
