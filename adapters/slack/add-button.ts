/** The "Add a commitment" button on lists and the App Home: a press opens the Add form. */
import type { types } from '@slack/bolt';
import type { SlackMessage } from './block-kit.js';

/** Not `ft_…`: card buttons carry core actions; this one only opens a form. */
export const ADD_BUTTON_ID = 'followthrough_add_open';
const MAX_BLOCKS = 50;

export function addButtonBlock(): types.ActionsBlock {
  return {
    type: 'actions',
    block_id: 'followthrough_add',
    elements: [
      { type: 'button', action_id: ADD_BUTTON_ID, text: { type: 'plain_text', text: 'Add a commitment', emoji: true }, style: 'primary' },
    ],
  };
}

/** A list's last page gets the Add button, when Slack's 50 blocks leave room for it. */
export function withAddButton(pages: SlackMessage[], context: string | undefined): SlackMessage[] {
  if (!context?.startsWith('list:') || pages.length === 0) return pages;
  const last = pages[pages.length - 1];
  if (last.blocks.length >= MAX_BLOCKS) return pages;
  return [...pages.slice(0, -1), { ...last, blocks: [...last.blocks, addButtonBlock()] }];
}
