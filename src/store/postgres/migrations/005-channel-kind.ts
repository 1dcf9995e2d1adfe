/**
 * Migration 5 (PostgreSQL): what kind of place a channel row is (a channel, a group chat, a direct
 * chat), so a reply can say "this chat" in a Teams group chat instead of "this channel". Existing
 * rows stay NULL until the next command there records the kind; a digest reads such a row as "this conversation".
 */
export default {
  version: 5,
  name: 'channel-kind',
  sql: `
    ALTER TABLE channels ADD COLUMN kind text CHECK (kind IN ('channel', 'chat', 'direct'));
  `,
};
