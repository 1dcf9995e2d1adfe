/** Commitments as CSV (RFC 4180): one row each, for spreadsheets and reports. */
import type { Commitment } from '../commitments/commitment.js';
import { dueDateOf, isApproximate } from '../commitments/deadline.js';

const COLUMNS = [
  'id',
  'title',
  'status',
  'at_risk',
  'deadline_kind',
  'deadline_text',
  'due',
  'approximate',
  'owners',
  'parties',
  'tags',
  'channel',
  'agreed_on',
  'source_url',
  'created_at',
  'updated_at',
];

function cell(raw: string): string {
  // Spreadsheets run a cell starting with = + - @ as a formula (CSV injection): a leading ' keeps it text.
  const value = /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function commitmentsCsv(commitments: Commitment[]): string {
  const rows = commitments.map((c) => [
    c.id,
    c.title,
    c.status,
    c.atRisk ? 'yes' : 'no',
    c.deadline.kind,
    c.deadline.text,
    dueDateOf(c.deadline) ?? '',
    isApproximate(c.deadline) ? 'yes' : 'no',
    c.owners.map((o) => o.name).join('; '),
    c.parties.join('; '),
    c.tags.join('; '),
    c.channel,
    c.source.agreedOn ?? '',
    c.source.url ?? '',
    c.createdAt,
    c.updatedAt,
  ]);
  return [COLUMNS, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
