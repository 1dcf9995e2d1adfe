/** Which heading a row is read under in a message's text: the last "Overdue (1)"-style line above it. */
const HEADING = /^[A-Z][\w ]*[a-z] \(\d+\)$/;

/** The heading above the first line starting with `C-2 ` (or `*C-2 ` in mrkdwn fallbacks); undefined when none. */
export function headingAbove(text: string, id: string): string | undefined {
  let heading: string | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.trim().replace(/^\*|\*$/g, '');
    if (HEADING.test(line)) heading = line;
    else if (line.startsWith(`${id} `)) return heading;
  }
  return undefined;
}
