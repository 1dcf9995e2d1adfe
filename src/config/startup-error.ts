/**
 * A start-up failure an operator can fix: which variable, what is wrong with it, and where to get a
 * good value. Its message is one line, printed as is (never a stack trace), and the CLI exits 2.
 */
export class StartupError extends Error {
  constructor(
    readonly variable: string,
    readonly problem: string,
    readonly where?: string,
    options?: { cause?: unknown },
  ) {
    super(oneLine(`${variable}${problem.startsWith('=') ? '' : ' '}${problem}${where ? `. Where to get it: ${where}` : ''}.`), options);
    this.name = 'StartupError';
  }
}

/** Collapses whitespace and newlines, and drops a doubled full stop, so a message stays one line. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\.\.$/, '.').trim();
}
