/** The shape extraction hands back: a commitment proposed for review, never a stored one. */
import type { Deadline, DeadlineKind } from '../commitments/deadline.js';

export interface ProposedCommitment {
  /** What was promised, as a short verb phrase ("appoint liaison officers in Turbat and Zahedan"). */
  action: string;
  /** Who promised or was bound; free-text names, empty when the text does not say. */
  parties: string[];
  /** True when the parties were taken from context (passive voice, "the two sides"), not the clause. */
  partiesInferred: boolean;
  deadline: { kind: DeadlineKind; text: string; due: string | null };
  /** The full reading, kept so `import` can store the deadline without reading it twice. */
  reading: Deadline;
  /** A verbatim span of the input. */
  quote: string;
  /** 0..1: how sure the rules are that this is a commitment at all. */
  confidence: number;
  /** Hedged ("expected to", "aim to", "plans to"): kept, but not a firm promise. */
  weak: boolean;
}

/** What the CLI prints with --json: the public fields only, in a stable order. */
export function toPublicJson(item: ProposedCommitment) {
  return {
    action: item.action,
    parties: item.parties,
    deadline: item.deadline,
    quote: item.quote,
    confidence: item.confidence,
    weak: item.weak,
    partiesInferred: item.partiesInferred,
  };
}
