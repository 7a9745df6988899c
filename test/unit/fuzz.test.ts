import { describe, expect, it } from 'vitest';
import { fuzz } from '../fuzz/run';

describe('fuzzing the importer (seeded; npm run fuzz runs 10,000 and the very large inputs)', () => {
  it('neither crashes nor lets a wrong value through on 300 hostile inputs', async () => {
    const result = await fuzz(300, 20261202);
    expect(Object.keys(result.byKind).length).toBeGreaterThan(12);
    expect(result.crashes).toEqual([]);
    expect(result.hangs).toEqual([]);
    expect(result.wrong).toEqual([]);
  }, 120_000);
});
