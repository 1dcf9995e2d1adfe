/** The status lifecycle: which moves are allowed, and how each status reads. */
import type { Status } from './commitment.js';

const ALLOWED: Record<Status, readonly Status[]> = {
  // A proposed item is reviewed first (accept or reject): Done on it must not skip review.
  proposed: ['open', 'dropped'],
  open: ['in_progress', 'blocked', 'done', 'dropped'],
  in_progress: ['open', 'blocked', 'done', 'dropped'],
  blocked: ['open', 'in_progress', 'done', 'dropped'],
  done: ['open'],
  dropped: ['open'],
};

export function canMove(from: Status, to: Status): boolean {
  return ALLOWED[from].includes(to);
}

export const STATUS_LABEL: Record<Status, string> = {
  proposed: 'proposed',
  open: 'open',
  in_progress: 'in progress',
  blocked: 'blocked',
  done: 'done',
  dropped: 'dropped',
};

export function isClosed(status: Status): boolean {
  return status === 'done' || status === 'dropped';
}
