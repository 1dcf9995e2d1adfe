import type { App } from '../../../src/main.js';
import type { Reply } from '../../../src/replies/reply.js';
export async function ownerDailyMessage(_app: App): Promise<{ address: string; reply: Reply }> {
  throw new Error('TEMP: owner message not wired yet');
}
