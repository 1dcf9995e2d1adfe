import { candidateModel } from '../../src/extraction/candidate-model.js';
import { extractCommitments, type ExtractOptions } from '../../src/extraction/extract-commitments.js';

/**
 * Extraction with the learnt weights but no threshold: every candidate the extractor proposes, split,
 * bound and dated. For unit tests of that reading alone. Whether the scorer keeps a candidate is its
 * own call, judged by cross-validation on real texts, and moves with every retrain; a test of how a
 * sentence is split or dated should not break because a self-written example scored 0.43 against 0.45.
 */
export function extractEveryCandidate(text: string, options: ExtractOptions) {
  return extractCommitments(text, { ...options, model: { ...candidateModel(), threshold: 0 } });
}
