/**
 * Finds the clause a cue sits in and the subject written before it: the subject is what names the
 * bound party, and the clause start is where a quote for that promise begins.
 */

// Where a new clause (and so a new subject) begins: after ";", ", and", ":", "that", "said".
const CLAUSE_BREAK = /(?:;\s+|,\s+and\s+|,\s+but\s+|:\s+|\b(?:that|said|says|stated|announced|added|confirmed)\s+)/g;
// Introductory phrases ("Under the terms …, both sides will") are not the subject.
const INTRO =
  /^(?:Under|According|Speaking|At|In|From|For|During|After|As|Chairing|Following|Meanwhile|Separately|With|Within|By|On|Upon|Once|Subject|Pursuant|Notwithstanding)\b/;
const LEADING_NOISE = /^(?:["“'‘]\s*)?(?:also|further|moreover|furthermore|meanwhile|then|now|therefore|accordingly)\b,?\s*/i;

export interface ClauseSubject {
  clauseStart: number;
  subject: string;
}

export function clauseSubject(text: string, cueIndex: number): ClauseSubject {
  const prefix = text.slice(0, cueIndex);
  let clauseStart = 0;
  CLAUSE_BREAK.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CLAUSE_BREAK.exec(prefix))) clauseStart = m.index + m[0].length;
  let subject = prefix.slice(clauseStart).trim();
  if (INTRO.test(subject) && subject.includes(', ')) subject = subject.slice(subject.lastIndexOf(', ') + 2);
  subject = subject.replace(LEADING_NOISE, '').replace(/^["“'‘]\s*/, '');
  subject = subject.replace(/\s+(?:on|this|last)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month)$/i, '');
  subject = subject
    .replace(/\s+(?:also|further|jointly|today|yesterday|again)$/i, '')
    .replace(/,$/, '')
    .trim();
  // "Norvale has [also set a target]": the auxiliary is not part of the name.
  subject = subject.replace(/\s+(?:has|have|had)$/i, '');
  // "(Peter) will send his model …": notes put the owner in brackets before the task.
  subject = subject.replace(/^\(([A-Z@][^()]{0,40})\)$/, '$1');
  // "The Board has approved the plan and [will tie …]": the subject is the one before the first verb.
  const shared = /^((?:[\w'’.-]+\s+){0,5}?[\w'’.-]+)\s+(?:has|have|had|is|are|was|were)\s+[a-z]+ed\b.*\sand$/.exec(subject);
  if (shared) subject = shared[1];
  return { clauseStart, subject };
}

/** The text of the clause before the cue, for checking what verb governs it ("welcomed", "noted"). */
export function governingScope(text: string, cueIndex: number): string {
  const prefix = text.slice(0, cueIndex);
  const parts = prefix.split(/,?\s+and\s+|;\s+|,\s+but\s+/);
  return parts[parts.length - 1] ?? '';
}
