/** Says in words what a deadline phrase was read as (stub until the deadlines work lands). */
import type { Deadline } from './deadline.js';

export function explainDeadline(deadline: Deadline): string {
  return deadline.kind === 'none' ? 'no deadline' : `read "${deadline.text}" as ${deadline.kind}`;
}
