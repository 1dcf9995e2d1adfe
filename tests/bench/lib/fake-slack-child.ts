/** A FakeSlack in its own process, so the load generator's event loop never delays the app's answers. Prints its URLs. */
import { seededFake } from '../../helpers/fake-slack-harness.js';

const fake = await seededFake().start();
process.stdout.write(`${JSON.stringify({ api: fake.apiUrl, base: fake.baseUrl })}\n`);
