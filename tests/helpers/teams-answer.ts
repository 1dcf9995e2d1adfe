/** Posts one activity to the app's /api/messages and reads what the bot posted in answer, as a person reads it. */
import type { FakeConnector } from './fake-connector.js';
import { postActivity, replyText } from './fake-connector-activities.js';

/** The text of everything the bot posted in answer to `activity` (empty when it posted nothing); a refused POST throws. */
export async function answerTo(base: string, connector: FakeConnector, activity: unknown): Promise<string> {
  const before = connector.posted().length;
  const response = await postActivity(base, activity);
  if (response.status !== 200) throw new Error(`POST /api/messages answered ${response.status}`);
  return connector
    .posted()
    .slice(before)
    .map((c) => replyText(c.body))
    .join('\n');
}
