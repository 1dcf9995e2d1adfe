/**
 * Splits text into chunks of at most `max` characters, at line breaks where it can: nothing is
 * dropped. A ``` code block cut in two is closed at the end of one chunk and reopened in the next,
 * since each chunk becomes its own Block Kit section and renders on its own.
 */
const FENCE = '```';

export function splitText(text: string, max: number): string[] {
  if (text.length <= max) return [text];
  if (!text.includes(FENCE)) return splitLines(text, max);
  // Room for the "```\n" reopening and "\n```" closing a chunk may need.
  let open = false;
  return splitLines(text, max - 2 * (FENCE.length + 1)).map((chunk) => {
    const body = open ? `${FENCE}\n${chunk}` : chunk;
    if ((chunk.split(FENCE).length - 1) % 2 === 1) open = !open;
    return open ? `${body}\n${FENCE}` : body;
  });
}

function splitLines(text: string, max: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    const candidate = current === '' ? line : `${current}\n${line}`;
    if (candidate.length <= max) {
      current = candidate;
      continue;
    }
    if (current !== '') chunks.push(current);
    current = line;
    while (current.length > max) {
      chunks.push(current.slice(0, max));
      current = current.slice(max);
    }
  }
  if (current !== '') chunks.push(current);
  return chunks;
}
