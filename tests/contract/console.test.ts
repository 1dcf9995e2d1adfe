// The contract conversation through the console adapter, over real streams and a real SQLite file.
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { tempDbPath } from '../helpers/temp-db.js';
import { consoleDriver } from './console-driver.js';
import { runConversationContract } from './conversation.js';

runConversationContract('console', async () => {
  const db = tempDbPath();
  return consoleDriver(new SqliteStore({ file: db.file }), db.remove);
});
