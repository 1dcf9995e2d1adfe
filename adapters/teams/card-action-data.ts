/**
 * What an `Action.Execute` carries: a typed action `{kind, id, choice}` (the verb is its kind), the
 * card's context, and the ids of the inputs (a choice set, a date) whose values Teams merges into the
 * data on a press. Parsed with zod on arrival; anything else is not one of our buttons. The core then
 * validates kind, id and choice again.
 */
import { z } from 'zod';

export interface TypedAction {
  kind: string;
  id: string;
  choice?: string;
}

export interface ExecuteData {
  action: TypedAction;
  context?: string;
  /** Id of the `Input.ChoiceSet` whose value is the choice. */
  inputId?: string;
  /** Id of the `Input.Date` whose value, when picked, is the choice. */
  dateId?: string;
}

const typedAction = z.object({ kind: z.string().max(40), id: z.string().max(40), choice: z.string().max(100).optional() }).strict();
const executeData = z
  .object({
    action: typedAction,
    context: z.string().max(300).optional(),
    inputId: z.string().max(100).optional(),
    dateId: z.string().max(100).optional(),
  })
  // Teams adds each input's value under its id: allowed, but only strings.
  .catchall(z.string().max(200));

export interface PressedCardAction extends TypedAction {
  context?: string;
}

/** The press as a typed action: a picked date wins over a chosen option, which wins over the fixed choice. */
export function pressedCardAction(verb: string, data: unknown): PressedCardAction | undefined {
  const parsed = executeData.safeParse(data);
  if (!parsed.success || parsed.data.action.kind !== verb) return undefined;
  const values = parsed.data as Record<string, unknown>;
  const input = (key: string | undefined) =>
    key && typeof values[key] === 'string' && values[key] !== '' ? (values[key] as string) : undefined;
  const { action, context, inputId, dateId } = parsed.data;
  const choice = dateId || inputId ? (input(dateId) ?? input(inputId)) : action.choice;
  return { kind: action.kind, id: action.id, ...(choice !== undefined ? { choice } : {}), ...(context ? { context } : {}) };
}
