import { beforeAll, describe, expect, it } from 'vitest';
import { parallelDevDir, scoreParallelDev, type PairScore, type TierScore } from '../../../bench/sections/parallel.js';

// The aligner on ../shared/data/parallel-dev (third-party data, read in place): the same
// scorer as the bench section, with the goals of issue 15 asserted on every passage, tuned
// and held-out together.

const dir = parallelDevDir();

describe.skipIf(!dir)(`parallel translations in ../shared/data/parallel-dev${dir ? '' : ' (skipped: that folder is absent)'}`, () => {
  let pairs: PairScore[] = [];
  let tiers: TierScore[] = [];
  beforeAll(() => {
    ({ pairs, tiers } = scoreParallelDev(dir as string));
  }, 120_000);
  const tier = (name: string): TierScore => tiers.find((t) => t.tier === name && t.subset === 'all') as TierScore;

  it('links classic ~ modern translations: recall >= 0.95, precision >= 0.97', () => {
    expect(tier('modern').recall).toBeGreaterThanOrEqual(0.95);
    expect(tier('modern').precision).toBeGreaterThanOrEqual(0.97);
  });

  it('links classic ~ simplified-vocabulary translations: recall >= 0.80, precision >= 0.95', () => {
    expect(tier('simplified').recall).toBeGreaterThanOrEqual(0.8);
    expect(tier('simplified').precision).toBeGreaterThanOrEqual(0.95);
  });

  it('links nothing between different passages', () => {
    expect(pairs.filter((p) => p.tier === 'unrelated').map((p) => [p.passage, p.links])).toEqual(
      pairs.filter((p) => p.tier === 'unrelated').map((p) => [p.passage, 0]),
    );
  });
});
