/** A compliance report as text and card sections, shared by the `report` command and `followthrough report`. */
import type { Assessment } from '../commitments/compliance.js';
import { averageScore } from '../commitments/compliance.js';
import { commitmentLine } from './commitment-view.js';
import type { CardSection } from './reply.js';

export interface ReportView {
  text: string;
  title: string;
  sections: CardSection[];
  counts: { promised: number; kept: number; keptLate: number; underWay: number; late: number; notKept: number; dropped: number };
  score: number;
}

/** `where` reads after "Report": "in this channel", "everywhere tagged border". Needs at least one assessment. */
export function reportView(all: Assessment[], where: string, now: Date): ReportView {
  // A proposal rejected in review was never a promise.
  const promised = all.filter((a) => !a.rejected);
  const assessments = promised.length > 0 ? promised : all;
  const kept = assessments.filter((a) => a.commitment.status === 'done');
  const keptOnTime = kept.filter((a) => !a.keptLate);
  const keptLateItems = kept.filter((a) => a.keptLate);
  const keptLate = keptLateItems.length;
  const late = assessments.filter((a) => a.late);
  const notKept = assessments.filter((a) => a.notKept);
  const dropped = assessments.filter((a) => a.commitment.status === 'dropped');
  const underway = assessments.filter((a) => a.score === 0);
  const score = averageScore(assessments) ?? 0;
  // Kept on time and kept late are different news (issue 11 item 5); a duty reviewed "not kept" is its own line.
  const summary = [
    `${assessments.length} promised`,
    `${keptOnTime.length} kept on time`,
    ...(keptLate > 0 ? [`${keptLate} kept late`] : []),
    `${underway.length} under way`,
    `${late.length} late`,
    ...(notKept.length > 0 ? [`${notKept.length} not kept`] : []),
    `${dropped.length} dropped`,
  ].join(' · ');
  const scoreLine = `Compliance ${score >= 0 ? '+' : '−'}${Math.abs(score).toFixed(2)} (kept +1, under way 0, late, not kept or dropped −1)`;
  const groups: [string, Assessment[]][] = [
    ['Late', late],
    ['Not kept (ongoing duties)', notKept],
    ['Under way', underway],
    ['Kept on time', keptOnTime],
    ['Kept late', keptLateItems],
    ['Dropped', dropped],
  ];
  const present = groups.filter(([, items]) => items.length > 0);
  // Closed items say when ("done Mon 29 Jan, 4 days early"), never "overdue".
  const line = (a: Assessment) => commitmentLine(a.commitment, now, { closedAt: a.closedAt });
  const sections: CardSection[] = [
    { text: `${summary}\n${scoreLine}` },
    ...present.map(([heading, items]) => ({ heading: `${heading} (${items.length})`, text: items.map(line).join('\n') })),
  ];
  const text = [
    `Report ${where}: ${summary}`,
    scoreLine,
    ...present.flatMap(([heading, items]) => [`${heading}:`, ...items.map((a) => `  ${line(a)}`)]),
  ].join('\n');
  return {
    text,
    title: `Report ${where}`,
    sections,
    counts: {
      promised: assessments.length,
      kept: kept.length,
      keptLate,
      underWay: underway.length,
      late: late.length,
      notKept: notKept.length,
      dropped: dropped.length,
    },
    score,
  };
}
