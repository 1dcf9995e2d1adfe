/**
 * The meaning of a phrase as numbers: the mean GloVe vector of its content words (word-vectors.bin,
 * derived by `npm run derive:word-vectors`), as dense scorer features `<role>:dK`. A verb or object the
 * corpus never showed the scorer still lands near the ones it did ("supervise" near "oversee",
 * "decommission" near "close"), which word-identity features cannot tell it. Word clusters derived
 * from the same vectors added nothing on cross-validation; the mean vector did (real-train-cv.txt).
 */
import { readFileSync } from 'node:fs';
import { startupSnapshot } from 'node:v8';
import type { Features } from './candidate-model.js';

/** Function words carry no meaning of the deed; averaged in, they pull every phrase to one point. */
const STOP = new Set([
  ...'a an the and or of to in on at by for with from as that this these those it its their our we they'.split(' '),
  ...'is are was were be been will shall would should must may can also not all any each'.split(' '),
]);
/** A long phrase's first words name the deed; the rest is its detail. */
const WORDS_READ = 12;

/** A word-vector dimension (`emb_action:d7`), as meanVectorFeatures names them. */
export const isVectorFeature = (name: string): boolean => /:d\d+$/.test(name);
/** Each role's dimension names, made once: a feature set is built for every candidate. */
const dimensionNames = new Map<string, string[]>();

/** The table as read from word-vectors.bin (layout in derive-word-vectors.ts): looked up in place, nothing built. */
interface VectorTable {
  file: Buffer;
  count: number;
  dims: number;
  /** Where the words start. */
  wordsAt: number;
  /** Each row's dims int8 values, row after row. */
  values: Int8Array;
}

let table: VectorTable | undefined;
// extract's startup snapshot (src/cli/extract-snapshot.js) leaves the table out: reading the file again
// is quicker than deserialising 11 MB with the heap.
if (startupSnapshot.isBuildingSnapshot()) startupSnapshot.addSerializeCallback(() => (table = undefined));

function vectorTable(): VectorTable {
  if (table) return table;
  const file = readFileSync(new URL('./word-vectors.bin', import.meta.url));
  if (file.toString('latin1', 0, 4) !== 'FTWV') throw new Error('word-vectors.bin is not a word-vector table');
  const count = file.readUInt32LE(4);
  const wordsAt = 16 + 4 * (count + 1);
  const dims = file.readUInt32LE(8);
  const values = new Int8Array(file.buffer, file.byteOffset + wordsAt + file.readUInt32LE(12), count * dims);
  table = { file, count, dims, wordsAt, values };
  return table;
}

/** The word's row in the table (its words are sorted), or undefined when it has none. */
function rowOf({ file, count, wordsAt }: VectorTable, word: string): number | undefined {
  let low = 0;
  let high = count - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const at = file.toString('latin1', wordsAt + file.readUInt32LE(16 + 4 * mid), wordsAt + file.readUInt32LE(20 + 4 * mid));
    if (at === word) return mid;
    if (at < word) low = mid + 1;
    else high = mid - 1;
  }
  return undefined;
}

/** The unit mean of the unit vectors of the phrase's first content words the table knows; none when it knows none. */
export function meanVectorFeatures(role: string, phrase: string): Features {
  const vectors = vectorTable();
  const { dims, values } = vectors;
  const rows: number[] = [];
  for (const word of phrase.toLowerCase().match(/[a-z][a-z'-]*/g) ?? []) {
    const row = STOP.has(word) ? undefined : rowOf(vectors, word);
    if (row === undefined) continue;
    rows.push(row);
    if (rows.length === WORDS_READ) break;
  }
  const out: Features = {};
  if (rows.length === 0) return out;
  const sum = new Float64Array(dims);
  for (const row of rows) {
    let norm = 0;
    const at = row * dims;
    for (let d = 0; d < dims; d++) norm += values[at + d] ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < dims; d++) sum[d] += values[at + d] / norm;
  }
  let norm = 0;
  for (const x of sum) norm += x * x;
  norm = Math.sqrt(norm) || 1;
  let names = dimensionNames.get(role);
  if (!names) dimensionNames.set(role, (names = Array.from({ length: dims }, (_, d) => `${role}:d${d}`)));
  // Scaled by 3 and rounded: a unit vector's parts are small next to the binary features' 1.
  for (let d = 0; d < dims; d++) out[names[d]] = Math.round((sum[d] / norm) * 3000) / 1000;
  return out;
}
