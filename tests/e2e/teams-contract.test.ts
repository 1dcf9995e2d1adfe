// The shared adapter contract, carried through Teams: channel @mentions posted as Bot Framework
// activities to the app's server, replies read back from the local Bot Connector.
import { startApp } from '../../src/main.js';
import { runConversationContract, type ContractDriver } from '../contract/conversation.js';
import { startFakeConnector } from '../helpers/fake-connector.js';
import { ALICE, BOB, TENANT, channelMessage } from '../helpers/fake-connector-activities.js';
import { answerTo } from '../helpers/teams-answer.js';
import { tempDbPath } from '../helpers/temp-db.js';
import { teamsDevEnv } from '../helpers/teams-dev-env.js';

const PEOPLE = { alice: ALICE, bob: BOB };

runConversationContract('teams', async (): Promise<ContractDriver> => {
  const db = tempDbPath();
  const connector = await startFakeConnector();
  for (const person of Object.values(PEOPLE)) connector.roster.set(person.id, person);
  const app = await startApp(teamsDevEnv(db.file, TENANT));
  const base = `http://127.0.0.1:${app.address!.port}`;
  return {
    async send(text, user = 'alice') {
      const mentions = Object.entries(PEOPLE)
        .filter(([name]) => text.includes(`@${name}`))
        .map(([, person]) => person);
      return answerTo(base, connector, channelMessage(connector.url, text, { from: PEOPLE[user], mentions }));
    },
    mention: (user) => `@${user}`,
    async close() {
      await app.stop();
      await connector.close();
      db.remove();
    },
  };
});
