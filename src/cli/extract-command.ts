/** `followthrough extract <file|->`: prints the commitments proposed for a statement or minutes. */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { isIanaZone } from '../config/iana-zone.js';
import { toPublicJson, type ProposedCommitment } from '../extraction/proposed-commitment.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Reads the file, or standard input for "-". */
export function readStatement(file: string): string {
  try {
    return readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    throw new Error(
      `Could not read ${file === '-' ? 'standard input' : `"${file}"`}: ${(error as Error).message}. Give a text file, or - to read standard input.`,
    );
  }
}

/** The statement's date: --date, else today in UTC; a malformed one is refused with the format. */
export function statementDate(date: string | undefined): string {
  if (date === undefined) return new Date().toISOString().slice(0, 10);
  if (!ISO_DATE.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
    throw new Error(`--date must be the date the statement was made, as YYYY-MM-DD (for example 2024-01-29); got "${date}".`);
  }
  return date;
}

function describe(item: ProposedCommitment, index: number): string {
  const due = item.deadline.due ? ` due ${item.deadline.kind === 'vague' ? '~' : ''}${item.deadline.due}` : '';
  const said = item.deadline.text ? ` ("${item.deadline.text}")` : '';
  const parties = item.parties.length > 0 ? ` [${item.parties.join(', ')}${item.partiesInferred ? ', inferred' : ''}]` : '';
  const weak = item.weak ? ' (hedged)' : '';
  return `${index + 1}. ${item.action}${parties}\n   ${item.deadline.kind}${due}${said}${weak}\n   "${item.quote}"`;
}

export async function runExtract(this: Command, file: string, options: { date?: string; timeZone: string; json?: boolean }): Promise<void> {
  let items: ProposedCommitment[];
  try {
    // Loaded here, not at start-up: the extractor and its tagger are for this command and `import` only.
    const { extractCommitments } = await import('../extraction/extract-commitments.js');
    const date = statementDate(options.date);
    if (!isIanaZone(options.timeZone)) {
      throw new Error(`--time-zone must be an IANA time zone such as Asia/Karachi or Europe/Berlin; got "${options.timeZone}".`);
    }
    items = extractCommitments(readStatement(file), { date, timeZone: options.timeZone });
  } catch (error) {
    this.error((error as Error).message);
  }
  if (options.json) {
    process.stdout.write(`${JSON.stringify(items.map(toPublicJson), null, 2)}\n`);
    return;
  }
  if (items.length === 0) {
    process.stdout.write('No commitments found.\n');
    return;
  }
  process.stdout.write(`${items.map(describe).join('\n')}\n`);
}
