/** A compliance report as text and card sections, shared by the `report` command and `followthrough report`. */
import type { Assessment } from '../commitments/compliance.js';
import { averageScore } from '../commitments/compliance.js';
import { commitmentLine } from './commitment-view.js';
import type { CardSection } from './reply.js';

export interface ReportView {
  text: string;
  title: string;
  sections: CardSection[];
  counts: { promised: number; kept: number; keptLate: number; underWay: number; late: number; dropped: number };
  score: number;
}

/** `where` reads after "Report": "in this channel", "everywhere tagged border". Needs at least one assessment. */
export function reportView(assessments: Assessment[], where: string, now: Date): ReportView {
  const kept = assessments.filter((a) => a.commitment.status === 'done');
  const late = assessments.filter((a) => a.late);
  const dropped = assessments.filter((a) => a.commitment.status === 'dropped');
  const underway = assessments.filter((a) => a.score === 0);
  const keptLate = kept.filter((a) => a.keptLate).length;
  const score = averageScore(assessments) ?? 0;
  const summary = [
    `${assessments.length} promised`,
    `${kept.length} kept${keptLate > 0 ? ` (${keptLate} late)` : ''}`,
    `${underway.length} under way`,
    `${late.length} late`,
    `${dropped.length} dropped`,
  ].join(' · ');
  const scoreLine = `Compliance ${score >= 0 ? '+' : '−'}${Math.abs(score).toFixed(2)} (kept +1, under way 0, late or dropped −1)`;
  const groups: [string, Assessment[]][] = [
    ['Late', late],
    ['Under way', underway],
    ['Kept', kept],
    ['Dropped', dropped],
  ];
  const present = groups.filter(([, items]) => items.length > 0);
  const sections: CardSection[] = [
    { text: `${summary}\n${scoreLine}` },
    ...present.map(([heading, items]) => ({ heading: `${heading} (${items.length})`, text: items.map((a) => commitmentLine(a.commitment, now)).join('\n') })),
  ];
  const text = [`Report ${where}: ${summary}`, scoreLine, ...present.flatMap(([heading, items]) => [`${heading}:`, ...items.map((a) => `  ${commitmentLine(a.commitment, now)}`)])].join('\n');
  return {
    text,
    title: `Report ${where}`,
    sections,
    counts: { promised: assessments.length, kept: kept.length, keptLate, underWay: underway.length, late: late.length, dropped: dropped.length },
    score,
  };
}
