/**
 * Chat-meeting layouts: IRC and Matrix logs ("[09:04:05] <mdz> mdz to draft plan", "22:05:03 <nick> …",
 * "* nick waves") and MeetBot summaries ("* ACTION: @nick Send a mail … (@chair:fedora.im, 14:11:57)").
 * In a log each line is one speaker's turn: the timestamp and nick are not prose, the nick is who
 * speaks, and the bot's own lines and the meeting commands (#topic, #link) are no one's promise.
 */

// "[09:02:45] <cjwatson> ", "22:00:02 <adrian_otto> ", "<paulmo> ", "[09:03] * nick ".
const LOG_TURN = /^(?:\[?\d{1,2}:\d{2}(?::\d{2})?\]?\s+)?(?:<[@+%&~]?([\w.|^`[\]{}\\-]{1,32})>\s+|(?<=\d\]?\s+)\*\s+(?=[\w.|-]{1,32}\s))/;
/** Where a chat turn begins: the layout starts a unit here, whatever the line before. */
export const CHAT_TURN_START = /^\s*(?:\[?\d{1,2}:\d{2}(?::\d{2})?\]?\s+(?:<[^>\s]{1,34}>|\*\s)|<[@+%&~]?[\w.|^`[\]{}\\-]{1,32}>\s)/;
// The meeting bot speaks for no one: "<openstack> Meeting started …", "<zodbot> Useful Commands: …".
const BOT = /(?:bot|^openstack|^meetingology|^ubottu|^lazytortoise|^collabot)$/i;
// MeetBot commands. #action / [action] is a task, #agreed a decision; the rest only organise the log.
const COMMAND =
  /^(?:#|\[)(action|agreed|agree|info|idea|help|topic|link|startmeeting|endmeeting|chair|unchair|undo|startvote|endvote|vote|meetingname|nick)\]?\s*:?\s*/i;
const ORGANISING = /^(?:topic|link|startmeeting|endmeeting|chair|unchair|undo|startvote|endvote|vote|meetingname|nick)$/i;
// A MeetBot summary's item ends with who recorded it and when: "(rbasak, 20:37)", "(@jflory7:fedora.im, 14:12:26)".
const RECORDED_BY = /\s*\((?:@?[\w.:|-]{1,60}),\s*\d{1,2}:\d{2}(?::\d{2})?\)\s*$/;
/** A MeetBot summary flattened into one line: each " * ACTION: …" inside it is an item of its own. */
export const SUMMARY_ITEM = /\s\*\s+(?=(?:TOPIC|INFO|ACTION|AGREED|IDEA|LINK|HELP|RESOLVED|DECISION|VOTE)\s*:)/g;

export interface ChatTurn {
  /** How many characters of the line the turn's prefix takes (timestamp, nick, command). */
  cut: number;
  speaker?: string;
  /** A bot's line, or a command that only organises the log: nothing in it is promised. */
  skip: boolean;
  actionItem: boolean;
  decision: boolean;
}

/** The chat prefix of a line, or undefined when the line is no chat turn. */
export function chatTurn(line: string): ChatTurn | undefined {
  const m = LOG_TURN.exec(line);
  if (!m) return undefined;
  const speaker = m[1];
  let cut = m[0].length;
  const command = COMMAND.exec(line.slice(cut));
  if (command) cut += command[0].length;
  const name = command?.[1].toLowerCase() ?? '';
  return {
    cut,
    ...(speaker ? { speaker } : {}),
    skip: (speaker !== undefined && BOT.test(speaker)) || ORGANISING.test(name),
    actionItem: name === 'action',
    decision: name === 'agreed' || name === 'agree',
  };
}

/** The line without a MeetBot summary's trailing "(nick, 20:37)". */
export function withoutRecordedBy(text: string): string {
  return text.replace(RECORDED_BY, '');
}
