/**
 * Reads a text's layout before anything reads its sentences: re-joins hard-wrapped lines (a PDF
 * or mailing-list copy breaks sentences every 40–80 characters), keeps bullets, numbered and
 * lettered items and table rows as units, finds headings, "Action items" sections, and the line
 * that introduces a list ("Signatories must agree to:"), so each item can be read under it.
 * Offsets are kept: a block's text is the input's span with line breaks turned into spaces.
 */
import { ENDS_IN_ABBREVIATION } from './abbreviations.js';
import { CHAT_TURN_START, SUMMARY_ITEM } from './chat-log.js';
import { opensWithImperative } from './imperative-line.js';

export interface Block {
  /** The input's span, line breaks as spaces: same length, so offsets stay the input's. */
  text: string;
  start: number;
  /** A bullet, numbered, lettered, checkbox or table-row unit. */
  listItem: boolean;
  heading: boolean;
  /** A table's header row: the row just above its "| --- |" rule names the columns, it says nothing. */
  tableHeader?: boolean;
  /** Under an "Action items" / "Next steps" heading: a short line there is a task. */
  actionSection: boolean;
  /** The block that introduces this list item ("… must agree to:"), by index. */
  frame?: number;
  /** The heading this block sits under, lower-cased ("agenda", "action items"). */
  section: string;
  /** Under an "Action items" heading, the heading that one sits under ("scheduled release for april 5th"). */
  sectionAbove?: string;
  /** How far the block's first line is indented (a tab counts four). */
  indent: number;
  /**
   * The block a list item hangs under, by index: the nearest earlier list item indented less, or the
   * line before the list. Notes nest a speaker's points ("* Mark R:" then "    * Plans to submit") and
   * a list's items ("- Next Steps:" then "    - send out confirmations") this way.
   */
  parent?: number;
}

interface RawLine {
  text: string;
  start: number;
}

// Where a new unit starts, whatever came before it.
const UNIT_START =
  /^\s*(?:[•●▪◦·*]\s|[-–—]{1,2}\s|\[[ xX✓]?\]|\(?\d{1,3}(?:\.\d{1,3})*[a-z]?[.)/](?:\s|$)|\(?[a-z][.)]\s|\([ivx]+\)\s|#{1,6}\s|\||(?:ACTION|AI|TODO|DECISION|AGREED|RESOLVED|WHEREAS|NOW,?\s+THEREFORE)\b|[A-Z][A-Za-z ]{1,30}:\s)/;
const startsUnit = (line: string) => UNIT_START.test(line) || CHAT_TURN_START.test(line);
const ACTION_HEADING =
  /^(?:#{1,6}\s*)?(?:\*\*)?(?:action\s*items?|actions?(?:\s+(?:items?|points?|required|log))?|next\s+steps|to-?dos?|follow-?ups?|tasks|assignments|decisions\s+and\s+actions)\b[^.!?]*$/i;
/** "Action items", "Next steps:", "TODO" — a heading or list head under which lines are tasks. */
export function isActionHeading(line: string): boolean {
  return ACTION_HEADING.test(
    line
      .trim()
      .replace(/^[-*•]\s+/, '')
      .replace(/\*\*/g, '')
      .replace(/:\s*$/, ''),
  );
}
// "| --- | :---: |": the rule under a markdown table's header row.
const TABLE_RULE = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;
const TERMINAL_MARK = /[.!?;]["”’')\]]*\s*$/;
// "… the resolution of Sept.⏎6 has been …", "… agenda i.e.⏎the issues": an abbreviation ends no sentence.
const TERMINAL = { test: (line: string) => TERMINAL_MARK.test(line) && !ENDS_IN_ABBREVIATION.test(line) };

function linesOf(input: string): RawLine[] {
  const lines: RawLine[] = [];
  let offset = 0;
  for (const raw of input.split('\n')) {
    // A MeetBot summary flattened into one line ("… * ACTION: @nick Send …"): each item is a line of its own.
    let from = 0;
    for (const m of raw.matchAll(SUMMARY_ITEM)) {
      const at = (m.index ?? 0) + 1;
      lines.push({ text: raw.slice(from, at).trimEnd(), start: offset + from });
      from = at;
    }
    lines.push({ text: raw.slice(from).replace(/\r$/, ''), start: offset + from });
    offset += raw.length + 1;
  }
  return lines;
}

/** The width a hard-wrapped text was wrapped at, or 0 when lines are paragraphs. */
function wrapWidth(lines: RawLine[]): number {
  const prose = lines.map((l) => l.text.trim()).filter((t) => t.length > 0 && !startsUnit(t));
  if (prose.length < 4) return 0;
  const lengths = prose.map((t) => t.length).sort((a, b) => a - b);
  const width = lengths[Math.floor(lengths.length * 0.9)];
  if (width > 110) return 0;
  const full = prose.filter((t) => t.length >= width * 0.6 && !TERMINAL.test(t)).length;
  return full / prose.length >= 0.3 ? width : 0;
}

function isHeading(line: string, previousBlank: boolean, nextBlankOrList: boolean): boolean {
  const t = line.trim();
  if (/^#{1,6}\s/.test(t)) return true;
  if (t.length > 60 || TERMINAL.test(t) || !/^[A-Z0-9*]/.test(t)) return false;
  if (ACTION_HEADING.test(t)) return true;
  // "Next Meeting will be on the 2nd March": a line with a modal or "is/are" says something; it heads nothing.
  if (/\b(?:will|shall|would|should|must|is|are|was|were)\s+[a-z]/.test(t) && /[a-z]/.test(t)) return false;
  // "Signatories must agree to:" introduces its list; it heads no section.
  return previousBlank && nextBlankOrList && !/:\s*$/.test(t);
}

/** A YAML front matter ("---\ntitle: …\n---") is metadata, not text. */
function frontMatterEnd(lines: RawLine[]): number {
  if (lines[0]?.text.trim() !== '---') return 0;
  const close = lines.findIndex((l, i) => i > 0 && l.text.trim() === '---');
  return close > 0 && close < 30 ? close + 1 : 0;
}

/**
 * "Signatories to The Climate Pledge agree to:⏎⏎Measure and report …⏎⏎Implement …": under a line that
 * introduces a list, a line opening with a bare verb ("Measure", "Conserve") is an item of it, bullet or not.
 */
function imperativeItem(line: string, frame: number | undefined): boolean {
  // "Next steps:" after a list opens a list of its own; it is no item of the list before.
  return frame !== undefined && opensWithImperative(line) && !ACTION_HEADING.test(line.trim());
}

function indentOf(line: string): number {
  const lead = /^[ \t]*/.exec(line)?.[0] ?? '';
  return lead.replace(/\t/g, '    ').length;
}

export function layoutBlocks(input: string): Block[] {
  const lines = linesOf(input);
  const width = wrapWidth(lines);
  const skip = frontMatterEnd(lines);
  const blocks: Block[] = [];
  const blank = (i: number) => i < 0 || i >= lines.length || lines[i].text.trim() === '';
  let actionSection = false;
  let section = '';
  let sectionAbove: string | undefined;
  let frame: number | undefined;
  // Open list levels, shallowest first: where each list item finds its parent.
  let levels: { indent: number; index: number }[] = [];
  let i = skip;
  while (i < lines.length) {
    if (blank(i)) {
      i++;
      continue;
    }
    const first = lines[i];
    const listItem =
      /^\s*[•●▪◦·]\s*$/.test(first.text) ||
      (!/^\s*#/.test(first.text) &&
        ((UNIT_START.test(first.text) && !/^\s*[A-Z][A-Za-z ]{1,30}:\s/.test(first.text)) || /^\s*\|/.test(first.text))) ||
      imperativeItem(first.text, frame);
    const heading = !listItem && isHeading(first.text, blank(i - 1), blank(i + 1) || UNIT_START.test(lines[i + 1]?.text ?? ''));
    let end = i;
    // A numbering alone on its line ("2.") belongs to the line after it.
    if (/^\s*\(?\d{1,3}[.)]\s*$/.test(first.text) && !blank(i + 1)) end = i + 1;
    // So does a bullet glyph alone on its line, as PDF copies of minutes print it ("·", then "Bank",
    // then "Mandate forms. …"): the item runs on, capitals and all, until a sentence ends.
    const glyphItem = /^\s*[•●▪◦·]\s*$/.test(first.text) && !blank(i + 1);
    if (glyphItem) end = i + 1;
    while (!heading && !/^\s*\|/.test(first.text) && end + 1 < lines.length && !blank(end + 1)) {
      const current = lines[end].text.trimEnd();
      const next = lines[end + 1].text;
      if (startsUnit(next) || TERMINAL.test(current) || /:\s*$/.test(current)) break;
      const continues =
        glyphItem ||
        /^\s*(?:[a-z(]|\d+(?![.)\d]))/.test(next) ||
        (width > 0 && current.trim().length >= width * 0.55) ||
        // an indented line under a list item continues it
        (listItem && /^\s{2,}\S/.test(next) && !startsUnit(next));
      if (!continues) break;
      end++;
    }
    const start = first.start;
    const stop = lines[end].start + lines[end].text.length;
    const text = input.slice(start, stop).replace(/[\r\n]/g, ' ');
    if (heading) {
      const previous = section;
      section = first.text
        .trim()
        .replace(/^#+\s*/, '')
        .replace(/\*\*/g, '')
        .toLowerCase();
      const wasAction = actionSection;
      actionSection = ACTION_HEADING.test(section);
      sectionAbove = !actionSection ? undefined : wasAction ? sectionAbove : previous || undefined;
      frame = undefined;
    }
    if (!listItem) frame = undefined;
    const indent = indentOf(first.text);
    let parent: number | undefined;
    if (heading) levels = [];
    else if (!listItem) levels = [{ indent: -1, index: blocks.length }];
    else {
      while (levels.length > 0 && levels[levels.length - 1].indent >= indent) levels.pop();
      parent = levels[levels.length - 1]?.index;
      levels.push({ indent, index: blocks.length });
    }
    const tableHeader = /^\s*\|/.test(first.text) && TABLE_RULE.test(lines[end + 1]?.text ?? '');
    const block: Block = {
      text,
      start,
      listItem,
      heading,
      ...(tableHeader ? { tableHeader } : {}),
      actionSection: actionSection && !heading,
      section,
      ...(sectionAbove && actionSection ? { sectionAbove } : {}),
      indent,
      ...(listItem && frame !== undefined ? { frame } : {}),
      ...(parent !== undefined ? { parent } : {}),
    };
    blocks.push(block);
    // A line that ends with ":" introduces the list after it.
    if (!heading && /:\s*$/.test(text) && !listItem) frame = blocks.length - 1;
    else if (!heading && /:\s*$/.test(text) && listItem) frame = frame ?? blocks.length - 1;
    i = end + 1;
  }
  return blocks;
}
