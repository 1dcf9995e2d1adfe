import { describe, expect, it } from 'vitest';
import { type CandidateModel, type Features, probability, treeValue, withPairs } from '../../src/extraction/candidate-model.js';
import { boostTrees, minePairs } from '../fixtures/extraction/interactions.js';

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const linear: CandidateModel = { bias: -0.5, threshold: 0.5, weights: { a: 1, b: 0.5, 'a&&b': 2 } };

describe('the scorer with learnt interactions', () => {
  it('is the plain linear model when the file holds no pairs and no trees', () => {
    // Without a `pairs` list a weight named a&&b is never formed: old files score as they did.
    expect(probability({ a: 1, b: 1 }, linear)).toBeCloseTo(sigmoid(-0.5 + 1 + 0.5));
  });

  it('adds a listed pair only when both features are present', () => {
    const model = { ...linear, pairs: [['a', 'b']] as [string, string][] };
    expect(probability({ a: 1, b: 1 }, model)).toBeCloseTo(sigmoid(-0.5 + 1 + 0.5 + 2));
    expect(probability({ a: 1 }, model)).toBeCloseTo(sigmoid(-0.5 + 1));
    expect(withPairs({ a: 1, c: 1 }, [['a', 'b']])).toEqual({ a: 1, c: 1 });
  });

  it('adds each tree leaf to the linear margin', () => {
    const model: CandidateModel = { ...linear, trees: [['a', ['c', 0.3, -0.1], 0.2], 0.05] };
    expect(treeValue(model.trees![0], { a: 1 })).toBe(-0.1);
    expect(probability({ a: 1, c: 1 }, model)).toBeCloseTo(sigmoid(-0.5 + 1 + 0.3 + 0.05));
    expect(probability({ b: 1 }, model)).toBeCloseTo(sigmoid(-0.5 + 0.5 + 0.2 + 0.05));
  });
});

describe('training the interactions', () => {
  it('mines only pairs seen together often enough, in sorted order', () => {
    const rows: Features[] = [
      { x: 1, y: 1 },
      { x: 1, y: 1, z: 1 },
      { y: 1, z: 1 },
    ];
    expect(minePairs(rows, [1, 0, 1], () => true, 2)).toEqual([
      ['x', 'y'],
      ['y', 'z'],
    ]);
    expect(minePairs(rows, [1, 0, 1], (n) => n !== 'y', 2)).toEqual([]);
  });

  it('keeps the pairs whose labels interact most', () => {
    // The label is x AND y; z is present in every third row whatever the label.
    const rows: Features[] = Array.from({ length: 90 }, (_, i) => ({
      ...(i % 2 ? { x: 1 } : {}),
      ...(i % 4 < 2 ? { y: 1 } : {}),
      ...(i % 3 ? {} : { z: 1 }),
    }));
    const labels = rows.map((r) => (r.x && r.y ? 1 : 0));
    expect(minePairs(rows, labels, () => true, 5)).toHaveLength(3);
    expect(minePairs(rows, labels, () => true, 5, 1)).toEqual([['x', 'y']]);
  });

  it('learns an interaction a linear margin of zero misses, the same each time', () => {
    // The label is x AND y: neither feature alone says it.
    const rows: Features[] = Array.from({ length: 80 }, (_, i) => ({ ...(i % 2 ? { x: 1 } : {}), ...(i % 4 < 2 ? { y: 1 } : {}) }));
    const labels = rows.map((r) => (r.x && r.y ? 1 : 0));
    const options = { trees: 30, depth: 2, rate: 0.3, lambda: 1, minHessian: 1 };
    const trees = boostTrees(
      rows,
      labels,
      labels.map(() => 1),
      labels.map(() => 0),
      () => true,
      options,
    );
    const margin = (f: Features) => trees.reduce((z: number, t) => z + treeValue(t, f), 0);
    expect(margin({ x: 1, y: 1 })).toBeGreaterThan(1);
    expect(margin({ x: 1 })).toBeLessThan(-1);
    expect(margin({})).toBeLessThan(-1);
    expect(
      boostTrees(
        rows,
        labels,
        labels.map(() => 1),
        labels.map(() => 0),
        () => true,
        options,
      ),
    ).toEqual(trees);
  });
});
