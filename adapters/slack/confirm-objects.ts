/**
 * Block Kit confirmation dialogs on the buttons that are hard to take back: Drop always, and Done
 * on an item that is not the viewer's own. Where the viewer is not known — a message the whole
 * channel sees — Done asks whenever the item has owners, naming them, since Slack shows one dialog
 * to everyone. Applied to rendered blocks, so the renderer itself stays as it is.
 */
import type { types } from '@slack/bolt';
import { buttonFromActionId, decodeAction, decodeBlockId } from './action-ids.js';
import type { UserRef } from '../../src/commitments/commitment.js';
import type { OwnersById } from './owner-facts.js';

type Block = types.KnownBlock;
type Confirm = types.ConfirmationDialog;

/** `viewerId`: who alone sees these blocks (an ephemeral reply, a DM, the App Home); undefined when everyone does. */
export function withConfirms(blocks: Block[], owners: OwnersById, viewerId?: string): Block[] {
  return blocks.map((block) => {
    if (block.type !== 'actions') return block;
    const target = decodeBlockId(block.block_id)?.target;
    if (!target) return block;
    const elements = block.elements.map((element) => {
      if (element.type !== 'button') return element;
      const confirm = confirmFor(element, target, owners.get(target), viewerId);
      return confirm ? { ...element, confirm } : element;
    });
    return { ...block, elements };
  });
}

function confirmFor(button: types.Button, target: string, owners: readonly UserRef[] | undefined, viewerId?: string): Confirm | undefined {
  const pressed = buttonFromActionId(button.action_id ?? '');
  if (!pressed) return undefined;
  if (pressed.kind === 'event-check' && decodeAction(button.value)?.choice === 'drop') {
    return dialog(
      `Drop ${target}?`,
      `${target} stops being tracked and its reminders stop. It can be reopened later with \`reopen ${target}\`.`,
      'Drop it',
      'danger',
    );
  }
  if (pressed.kind !== 'done' || !owners || owners.length === 0) return undefined;
  if (viewerId && owners.some((o) => o.id === viewerId)) return undefined;
  const names = owners.map((o) => `@${o.name}`).join(', ');
  return dialog(
    `Mark ${target} done?`,
    `${target} belongs to ${names}. Mark it done? The message will say who did.`,
    'Mark done',
    'primary',
  );
}

function dialog(title: string, text: string, confirm: string, style: 'primary' | 'danger'): Confirm {
  return {
    title: plain(title, 100),
    text: plain(text, 300),
    confirm: plain(confirm, 30),
    deny: plain('Cancel', 30),
    style,
  };
}

function plain(text: string, max: number): types.PlainTextElement {
  return { type: 'plain_text', text: text.length > max ? `${text.slice(0, max - 1)}…` : text, emoji: true };
}
