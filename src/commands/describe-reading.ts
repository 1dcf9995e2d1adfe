/** The "what I read" line every reply that sets a deadline carries, so a misreading is seen at once. */
import type { Deadline } from '../commitments/deadline.js';
import { explainDeadline } from '../commitments/deadline-explainer.js';

export function describeReading(deadline: Deadline, now: Date): string | undefined {
  if (deadline.kind === 'none') return deadline.hint;
  if (!deadline.text) return undefined;
  return explainDeadline(deadline, now);
}
