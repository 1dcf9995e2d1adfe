/**
 * Names the bound parties of a promise: the written subject, or — for "the two sides", "we",
 * pronouns and passive promises — the participants named earlier, flagged as inferred.
 */
import type { Cue } from './detect-cues.js';

const GROUP =
  /\b(?:two sides|both sides|the sides|both countries|two countries|the leaders|both leaders|the ministers|two ministers|(?:two|both) (?:foreign|trade|defence|defense) ministers|(?:the )?foreign ministers|the parties|both parties|each party|the two delegations|two delegations|both governments|two governments|the two|both|we|us|our)\b/i;
const PRONOUN = /^(?:he|she|they|it)$/i;

export interface ResolvedParties {
  parties: string[];
  inferred: boolean;
}

function tidy(subject: string): string {
  return subject
    .replace(/^(?:the|a|an)\s+/i, '')
    .replace(/\s*,.*$/, '')
    .replace(/^(?:Mr|Ms|Mrs|Dr)\.?\s+/, '')
    .trim();
}

export function resolveParties(cue: Cue, participants: string[], lastNamed: string): ResolvedParties {
  if (cue.inviter) {
    // An invitation binds both sides: the inviter to host, the invitee to come.
    const inviter = resolveParties({ ...cue, inviter: undefined, subject: cue.inviter }, participants, lastNamed);
    const invitee = resolveParties({ ...cue, inviter: undefined }, participants, lastNamed);
    return { parties: [...new Set([...inviter.parties, ...invitee.parties])], inferred: inviter.inferred || invitee.inferred };
  }
  const subject = cue.subject.trim();
  if (cue.passive || (cue.type === 'subjunctive' && subject === '')) {
    return { parties: participants, inferred: participants.length > 0 };
  }
  if (subject === '')
    return { parties: cue.type === 'decision' ? participants : [], inferred: participants.length > 0 && cue.type === 'decision' };
  if (PRONOUN.test(subject)) return lastNamed ? { parties: [lastNamed], inferred: true } : { parties: [], inferred: false };
  if (GROUP.test(subject) && participants.length > 0) return { parties: participants, inferred: true };
  // "Each of Parent and the Company", "Parent and the Company": every named party is bound.
  // "Germany and France each promised …", "the two cities together will …": a floating quantifier is no name.
  const names = subject
    .replace(/^each\s+of\s+/i, '')
    .replace(/\s+(?:each|both|all|together|jointly|alone)$/i, '')
    .split(/\s*,\s*|\s+and\s+/)
    .map(tidy)
    .filter((n) => n.length > 0);
  if (names.length > 1 && names.every((n) => /^[A-Z]/.test(n))) return { parties: names, inferred: false };
  return { parties: [tidy(subject)].filter((n) => n.length > 0), inferred: false };
}
