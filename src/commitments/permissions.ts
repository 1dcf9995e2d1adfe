/** Who may change a commitment: its owners, its creator and admins. Everyone may read. */
import type { Commitment } from './commitment.js';

export interface Actor {
  id: string;
  isAdmin: boolean;
}

export function canChange(actor: Actor, commitment: Commitment): boolean {
  return actor.isAdmin || commitment.createdBy.id === actor.id || commitment.owners.some((owner) => owner.id === actor.id);
}

/** The refusal, naming who can act instead. */
export function refusalFor(commitment: Commitment): string {
  const owners = commitment.owners.map((o) => o.name).join(', ') || 'nobody';
  return `Only the owners (${owners}), the creator (${commitment.createdBy.name}) or an admin can change ${commitment.id}.`;
}
