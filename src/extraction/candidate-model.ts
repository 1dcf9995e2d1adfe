/**
 * Scores a candidate promise with a logistic model whose weights are learnt from the labelled
 * corpus (`npm run train:extraction` writes candidate-weights.json). The extractor keeps a
 * candidate when its probability reaches the threshold stored with the weights.
 */
import { readFileSync } from 'node:fs';

export type Features = Record<string, number>;

export interface CandidateModel {
  bias: number;
  weights: Record<string, number>;
  threshold: number;
  /** The standing-duty model: is a promise with no time phrase `ongoing` rather than `none`? */
  kind?: { bias: number; weights: Record<string, number>; threshold: number };
}

let loaded: CandidateModel | undefined;

/** The committed weights, read once. */
export function candidateModel(): CandidateModel {
  loaded ??= JSON.parse(readFileSync(new URL('./candidate-weights.json', import.meta.url), 'utf8')) as CandidateModel;
  return loaded;
}

export function probability(features: Features, model: CandidateModel = candidateModel()): number {
  let z = model.bias;
  for (const [name, value] of Object.entries(features)) z += (model.weights[name] ?? 0) * value;
  return 1 / (1 + Math.exp(-z));
}
