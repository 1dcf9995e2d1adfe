/**
 * `followthrough extract` as a V8 startup snapshot (built and started by extract-snapshot.js). Most
 * of a one-off `extract` is spent getting ready, not reading: compromise unpacking its lexicon,
 * chrono and the cue patterns setting up, the weights being parsed. Here that is done once, on a
 * warm-up text, and the ready heap is saved; each run then starts from it and only reads its text.
 * The program it runs has the one command, declared as the full program declares it.
 */
import v8 from 'node:v8';
import { Command } from 'commander';
import { extractCommitments } from '../extraction/extract-commitments.js';
import { declareExtract } from './declare-extract.js';

// Shapes that reach every part of the extractor: minutes shorthand, notes, dates, vague terms,
// events, standing duties, a resolution's clauses.
const WARM_UP = `Minutes of the meeting held on 3 March 2024

1. Liaison officers
The two sides agreed to appoint liaison officers immediately. Sara to circulate the terms of reference by Friday.
ACTION: Imran will draft the budget before the next meeting (Imran)
- Hina to update the PR and report back in two weeks
- [ ] review the border markets plan at an early date

The Council:
1. Decides to establish a joint coordination mechanism at foreign-minister level;
2. Requests the Secretary-General to submit a report within 90 days, and annually thereafter;
3. Calls upon all parties to refrain from violence until the threat is eradicated.

The President will visit Pakistan after the new government is formed. The company plans to close the
plant by the end of 2025 and expects to complete the sale in the second quarter. We will continue to
publish progress every year, and aim to reach net zero by 2040.`;

extractCommitments(WARM_UP, { date: '2024-03-03' });
extractCommitments(WARM_UP, { date: '2024-03-03', timeZone: 'Asia/Karachi' });

v8.startupSnapshot.setDeserializeMainFunction(async () => {
  const program = new Command('followthrough');
  declareExtract(program);
  // Started as `node --snapshot-blob <blob> extract <file> …`: argv holds node, then the words.
  await program.parseAsync(process.argv.slice(1), { from: 'user' });
});
