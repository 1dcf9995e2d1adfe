// A worker for tests/unit/supervised-worker.test.ts: answers `echo`, fails `fail`, dies on `exit`,
// ignores `stop` when started with { stubborn: true }, and says `progress` before each answer.
import { parentPort, workerData, threadId } from 'node:worker_threads';

const port = parentPort;
port.on('message', (message) => {
  if (message.type === 'stop') {
    if (!workerData?.stubborn) port.close();
    return;
  }
  port.postMessage({ type: 'progress', id: message.id });
  if (message.type === 'echo') port.postMessage({ type: 'done', id: message.id, value: { said: message.text, threadId } });
  else if (message.type === 'fail')
    port.postMessage({ type: 'failed', id: message.id, message: 'no such thing', stack: 'Error: no such thing\n    at toy' });
  else if (message.type === 'exit') process.exit(3);
});
port.postMessage({ type: 'ready' });
