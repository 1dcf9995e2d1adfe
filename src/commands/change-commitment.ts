/** Loads a commitment for a change, checks who may change it, and writes with one retry on a race. */
import type { Commitment } from '../commitments/commitment.js';
import { canChange, refusalFor } from '../commitments/permissions.js';
import { canMove, isClosed, STATUS_LABEL } from '../commitments/status-rules.js';
import { ConcurrentChange, type CommitmentChanges } from '../store/store.js';
import { Forbidden, NotFound, UsageError } from './errors.js';
import type { CommandContext } from './spec.js';

export async function loadCommitment(context: CommandContext, id: string): Promise<Commitment> {
  const commitment = await context.store.commitments.get(context.invocation.workspace.id, id);
  if (!commitment) throw new NotFound(`I can't find ${id} in this workspace. Type \`list\` to see the ids.`);
  return commitment;
}

export interface Change {
  changes: CommitmentChanges;
  action: string;
  note?: string;
  /** A link that shows the change happened (a notice, minutes, a photo). */
  evidence?: string;
  detail?: Record<string, unknown>;
}

/**
 * Applies `decide(current)` to the commitment. `decide` returns the change, or a Reply-worthy
 * string when there is nothing to do (idempotent actions). Re-reads and re-decides once if
 * someone else changed it in between.
 */
export async function changeCommitment(
  context: CommandContext,
  id: string,
  decide: (current: Commitment) => Change | { unchanged: string } | Promise<Change | { unchanged: string }>,
  options: { alsoAllowed?: (current: Commitment) => boolean } = {},
): Promise<{ commitment: Commitment; unchanged?: string }> {
  for (let attempt = 0; ; attempt++) {
    const current = await loadCommitment(context, id);
    if (!canChange(context.invocation.user, current) && !options.alsoAllowed?.(current)) throw new Forbidden(refusalFor(current));
    const decision = await decide(current);
    if ('unchanged' in decision) return { commitment: current, unchanged: decision.unchanged };
    // The lifecycle is enforced here, once, for every command and button that changes a status.
    const to = decision.changes.status;
    if (to && to !== current.status && !canMove(current.status, to)) {
      throw new UsageError(
        `${current.id} is ${STATUS_LABEL[current.status]}, so it cannot become ${STATUS_LABEL[to]}.${isClosed(current.status) ? ` Reopen it first with \`reopen ${current.id}\`.` : ''}`,
      );
    }
    try {
      const updated = await context.store.commitments.update(
        current.workspaceId,
        current.id,
        current.version,
        decision.changes,
        {
          at: context.clock.now().toISOString(),
          actor: context.actor,
          action: decision.action,
          note: decision.note,
          evidence: decision.evidence,
          detail: decision.detail,
        },
        current,
      );
      return { commitment: updated };
    } catch (error) {
      if (error instanceof ConcurrentChange && attempt === 0) continue;
      throw error;
    }
  }
}
