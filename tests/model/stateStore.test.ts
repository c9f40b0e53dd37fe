// The visited-state store (stateStore.ts): exact mode never merges two different vectors, even when their
// 64-bit hashes are forced equal; fingerprint mode stores no vectors; ids are dense; growth keeps every state.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { StateStore, hash64 } from '../../workers/model/sched/stateStore.ts';

const vec = (xs: number[]) => Uint32Array.from(xs);

describe('StateStore', () => {
  it('gives dense ids to new states and -1 to states already stored, through many table growths', () => {
    for (const mode of ['exact', 'fingerprint'] as const) {
      const s = new StateStore(mode);
      for (let i = 0; i < 100_000; i++) expect(s.add(vec([i & 0xffff, i >>> 16, 7]))).toBe(i);
      for (let i = 0; i < 100_000; i += 997) expect(s.add(vec([i & 0xffff, i >>> 16, 7]))).toBe(-1);
      expect(s.size).toBe(100_000);
      expect(s.has(vec([5, 0, 7]))).toBe(true);
      expect(s.has(vec([5, 0, 8]))).toBe(false);
    }
  });

  it('agrees with a Set of strings on any sequence of vectors (exact mode)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 5 }), { maxLength: 200 }), (vs) => {
        const s = new StateStore('exact');
        const ref = new Set<string>();
        for (const v of vs) {
          const k = v.join(',');
          expect(s.add(vec(v)) >= 0).toBe(!ref.has(k));
          ref.add(k);
        }
        expect(s.size).toBe(ref.size);
      }),
    );
  });

  it('exact mode keeps different vectors apart when their hashes collide; fingerprints merge them', () => {
    const constant = (_v: Uint32Array, out: Uint32Array) => {
      out[0] = 42;
      out[1] = 7;
    };
    const exact = new StateStore('exact', constant);
    const fp = new StateStore('fingerprint', constant);
    const vs = [[1, 2, 3], [1, 2, 4], [1, 2], [], [1, 2, 3, 0]].map(vec);
    expect(vs.map((v) => exact.add(v))).toEqual([0, 1, 2, 3, 4]);
    expect(vs.map((v) => exact.add(v))).toEqual([-1, -1, -1, -1, -1]);
    expect(vs.map((v) => fp.add(v))).toEqual([0, -1, -1, -1, -1]);
  });

  it('hash compaction holds fewer bytes than the exact store and reports a tiny collision probability', () => {
    const exact = new StateStore('exact');
    const fp = new StateStore('fingerprint');
    for (let i = 0; i < 50_000; i++) {
      const v = vec(Array.from({ length: 40 }, (_, k) => (i * 31 + k) & 0xffff));
      exact.add(v);
      fp.add(v);
    }
    expect(fp.bytes).toBeLessThan(exact.bytes / 2);
    expect(exact.collisionProbability()).toBe(0);
    expect(fp.collisionProbability()).toBeGreaterThan(0);
    expect(fp.collisionProbability()).toBeLessThan(1e-9);
  });

  it('bytesIfAdded is never below what the store holds after the add', () => {
    const s = new StateStore('exact');
    for (let i = 0; i < 70_000; i++) {
      const v = vec([i & 0xffff, i >>> 16, ...Array.from({ length: i % 9 }, () => 1)]);
      const predicted = s.bytesIfAdded(v.length);
      s.add(v);
      expect(s.bytes).toBeLessThanOrEqual(predicted);
    }
  });

  it('hashes are spread: 100,000 small vectors give 100,000 distinct 64-bit hashes', () => {
    const seen = new Set<string>();
    const h = new Uint32Array(2);
    for (let i = 0; i < 100_000; i++) {
      hash64(vec([i % 7, (i / 7) | 0, 0, 1]), h);
      seen.add(`${h[0]}:${h[1]}`);
    }
    expect(seen.size).toBe(100_000);
  });
});
