/** `npm run bench -- commands`: what the command layer costs on top of the store (add vs a bare INSERT, list vs a bare SELECT). */
import { runChild } from './lib/run-child.js';

const commands = await runChild<{ rawInsertMs: number; addMs: number; rawSelectMs: number; listMs: number }>('commands-child.ts');
console.log(`add through the core (parse, deadline reading, transaction, log row): ${commands.addMs.toFixed(3)} ms`);
console.log(`baseline, a bare INSERT of one commitment row: ${commands.rawInsertMs.toFixed(3)} ms`);
console.log(`list of a 500-item channel through the core (query, grouping, card and text): ${commands.listMs.toFixed(2)} ms`);
console.log(`baseline, a bare SELECT of the same rows: ${commands.rawSelectMs.toFixed(2)} ms`);
console.log(`ratio add / bare insert: ${(commands.addMs / commands.rawInsertMs).toFixed(1)}`);
console.log(`ratio list / bare select: ${(commands.listMs / commands.rawSelectMs).toFixed(1)}`);
