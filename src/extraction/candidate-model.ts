/**
 * Scores a candidate promise with a logistic model whose weights are learnt from the labelled
 * corpus (`npm run train:extraction` writes candidate-weights.json). The extractor keeps a
 * candidate when its probability reaches the threshold stored with the weights.
 * The file may also hold learnt interactions, which a linear model cannot form: `pairs` (two
 * structural features seen together, weighted under the name `a&&b`) and `trees` (boosted trees
 * whose leaves add to the linear margin). A file without them is the plain linear model.
 */
import { readFileSync } from 'node:fs';

export type Features = Record<string, number>;

/** A leaf's addition to the margin, or [feature, tree if present, tree if absent]. */
export type Tree = number | [string, Tree, Tree];

export interface CandidateModel {
  bias: number;
  weights: Record<string, number>;
  threshold: number;
  /** Learnt conjunctions: each pair present together adds `weights['a&&b']`. */
  pairs?: [string, string][];
  /** Residual trees on top of the linear margin. */
  trees?: Tree[];
  /** The standing-duty model: is a promise with no time phrase `ongoing` rather than `none`? */
  kind?: { bias: number; weights: Record<string, number>; threshold: number };
}

let loaded: CandidateModel | undefined;

/** The committed weights, read once. */
export function candidateModel(): CandidateModel {
  loaded ??= JSON.parse(readFileSync(new URL('./candidate-weights.json', import.meta.url), 'utf8')) as CandidateModel;
  return loaded;
}

export const pairName = (a: string, b: string) => `${a}&&${b}`;

/** The features with each listed pair that is present added as its own feature (training and scoring alike). */
export function withPairs(features: Features, pairs: readonly [string, string][] = []): Features {
  const out: Features = { ...features };
  for (const [a, b] of pairs) if (features[a] && features[b]) out[pairName(a, b)] = features[a] * features[b];
  return out;
}

export function treeValue(tree: Tree, features: Features): number {
  let node = tree;
  while (typeof node !== 'number') node = features[node[0]] ? node[1] : node[2];
  return node;
}

/** The linear margin (with the learnt pairs), before the trees. */
export function linearMargin(features: Features, model: CandidateModel): number {
  let z = model.bias;
  for (const [name, value] of Object.entries(model.pairs ? withPairs(features, model.pairs) : features))
    z += (model.weights[name] ?? 0) * value;
  return z;
}

export function probability(features: Features, model: CandidateModel = candidateModel()): number {
  let z = linearMargin(features, model);
  for (const tree of model.trees ?? []) z += treeValue(tree, features);
  return 1 / (1 + Math.exp(-z));
}
