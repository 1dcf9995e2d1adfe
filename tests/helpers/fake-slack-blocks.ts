/** Block Kit limits the fake enforces as Slack does: a message beyond them is refused with `invalid_blocks`. */

type Json = Record<string, any>;

/** Why Slack would refuse these blocks, or undefined when it would take them. */
export function blockProblem(blocks: unknown): string | undefined {
  if (!Array.isArray(blocks)) return 'blocks must be an array';
  if (blocks.length > 50) return `${blocks.length} blocks; at most 50`;
  const blockIds = new Set<string>();
  for (const [i, block] of (blocks as Json[]).entries()) {
    if (block.block_id !== undefined) {
      if (typeof block.block_id !== 'string' || block.block_id.length > 255) return `block ${i}: block_id longer than 255`;
      if (blockIds.has(block.block_id)) return `block ${i}: duplicate block_id ${block.block_id}`;
      blockIds.add(block.block_id);
    }
    const problem = blockShapeProblem(block);
    if (problem) return `block ${i}: ${problem}`;
  }
  return undefined;
}

function blockShapeProblem(block: Json): string | undefined {
  switch (block.type) {
    case 'header':
      return textProblem(block.text, 150, 'plain_text');
    case 'section': {
      if (!block.text && !block.fields) return 'section needs text or fields';
      if (block.text) {
        const p = textProblem(block.text, 3000);
        if (p) return p;
      }
      if (block.fields) {
        if (block.fields.length > 10) return 'more than 10 fields';
        for (const f of block.fields) {
          const p = textProblem(f, 2000);
          if (p) return p;
        }
      }
      return undefined;
    }
    case 'context':
      if (!Array.isArray(block.elements) || block.elements.length === 0 || block.elements.length > 10) return 'context needs 1–10 elements';
      return block.elements.map((e: Json) => textProblem(e, 3000)).find(Boolean);
    case 'actions':
      return actionsProblem(block);
    case 'divider':
      return undefined;
    default:
      return `unknown block type ${String(block.type)}`;
  }
}

function actionsProblem(block: Json): string | undefined {
  if (!Array.isArray(block.elements) || block.elements.length === 0 || block.elements.length > 25) return 'actions needs 1–25 elements';
  const ids = new Set<string>();
  for (const e of block.elements as Json[]) {
    if (typeof e.action_id !== 'string' || e.action_id.length > 255) return 'action_id missing or too long';
    if (ids.has(e.action_id)) return `duplicate action_id ${e.action_id}`;
    ids.add(e.action_id);
    if (e.type === 'button') {
      const p = textProblem(e.text, 75, 'plain_text');
      if (p) return p;
      if (e.value !== undefined && String(e.value).length > 2000) return 'button value longer than 2000';
      if (e.style !== undefined && !['primary', 'danger'].includes(e.style)) return 'bad button style';
      if (e.confirm !== undefined) {
        const p = confirmProblem(e.confirm);
        if (p) return p;
      }
    } else if (e.type === 'static_select' || e.type === 'overflow') {
      if (e.type === 'static_select' && textProblem(e.placeholder, 150, 'plain_text')) return 'select placeholder';
      if (!Array.isArray(e.options) || e.options.length === 0 || e.options.length > 100) return 'select needs 1–100 options';
      for (const o of e.options) {
        if (textProblem(o.text, 75, 'plain_text')) return 'option text';
        if (typeof o.value !== 'string' || o.value.length > 150) return 'option value longer than 150';
      }
    } else if (e.type === 'datepicker' || e.type === 'users_select') {
      if (e.placeholder && textProblem(e.placeholder, 150, 'plain_text')) return `${e.type} placeholder`;
    } else return `unknown element ${String(e.type)}`;
  }
  return undefined;
}

/** Slack's confirmation dialog object: plain_text title ≤100, text ≤300, confirm and deny ≤30. */
function confirmProblem(confirm: Json): string | undefined {
  for (const [key, max] of [
    ['title', 100],
    ['text', 300],
    ['confirm', 30],
    ['deny', 30],
  ] as const) {
    const p = textProblem(confirm[key], max, 'plain_text');
    if (p) return `confirm ${key}: ${p}`;
  }
  if (confirm.style !== undefined && !['primary', 'danger'].includes(confirm.style)) return 'bad confirm style';
  return undefined;
}

function textProblem(text: Json | undefined, max: number, type?: 'plain_text' | 'mrkdwn'): string | undefined {
  if (!text || typeof text.text !== 'string') return 'missing text object';
  if (type && text.type !== type) return `text must be ${type}`;
  if (!['plain_text', 'mrkdwn'].includes(text.type)) return 'bad text type';
  if (text.text.length === 0) return 'empty text';
  if (text.text.length > max) return `text of ${text.text.length} characters; at most ${max}`;
  return undefined;
}

/**
 * Blocks as a person reads them, one line per line: headers and sections as their text, buttons as
 * `[Done]`, selects as `[Snooze ▾ 1 day | 1 week]`, date pickers as `[📅 Pick a date]`.
 */
export function blocksText(blocks: readonly Json[]): string {
  const label = (t: Json | undefined) => (typeof t?.text === 'string' ? t.text : '');
  const element = (e: Json): string => {
    if (e.type === 'button') return `[${label(e.text)}]`;
    if (e.type === 'static_select' || e.type === 'overflow')
      return `[${label(e.placeholder)} ▾ ${(e.options ?? []).map((o: Json) => label(o.text)).join(' | ')}]`;
    if (e.type === 'datepicker') return `[📅 ${label(e.placeholder) || 'Pick a date'}]`;
    if (e.type === 'users_select') return `[👤 ${label(e.placeholder) || 'Pick a person'}]`;
    return `[${String(e.type)}]`;
  };
  return blocks
    .map((b) => {
      if (b.type === 'header') return label(b.text);
      if (b.type === 'section')
        return [label(b.text), ...(b.fields ?? []).map(label)]
          .filter(Boolean)
          .join('\n')
          .replace(/\*([^*\n]+)\*/g, '$1');
      if (b.type === 'context') return (b.elements ?? []).map(label).join(' ');
      if (b.type === 'actions') return (b.elements ?? []).map(element).join(' ');
      return '';
    })
    .filter(Boolean)
    .join('\n');
}
