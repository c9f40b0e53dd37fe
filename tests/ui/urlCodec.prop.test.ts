// Properties of the link codec: decode(encode(s)) = s for every valid state, encode∘decode is
// stable on any input, and 10,000 random or mutated links never throw and always give a valid state
// (with a message for each thing that was wrong).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUrlState, encodeUrlState, URL_KEYS } from '../../src/url/urlCodec.ts';
import { isValidUrlState } from '../../src/url/urlSchema.ts';
import { urlStateArb } from './urlArbitraries.ts';

/** Random query strings: known keys with junk values, junk keys, stray separators and escapes. */
const junkValueArb = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.integer({ min: -1e6, max: 1e12 }).map(String),
  fc.double().map(String),
  fc.constantFrom(
    '',
    '%',
    '%%%',
    '%zz',
    '+',
    '&',
    '=',
    'NaN',
    'Infinity',
    '-0',
    '1e3',
    '0x10',
    ' 4',
    '4 ',
    '١٢',
    '-1',
    'random',
    'vmalloc',
  ),
);
const randomQueryArb = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...URL_KEYS), fc.string({ maxLength: 6 })), junkValueArb), { maxLength: 10 })
  .map((pairs) => '?' + pairs.map(([k, v]) => `${k}=${v}`).join('&'));

/** Valid links, then broken: truncated, characters flipped or deleted, junk parameters spliced in. */
const mutatedUrlArb = fc
  .tuple(
    urlStateArb.map(encodeUrlState),
    fc.array(
      fc.oneof(
        fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
        fc.record({ op: fc.constant('flip' as const), at: fc.nat(), ch: fc.string({ minLength: 1, maxLength: 1 }) }),
        fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
        fc.record({ op: fc.constant('splice' as const), at: fc.nat(), text: randomQueryArb }),
      ),
      { minLength: 1, maxLength: 4 },
    ),
  )
  .map(([url, ops]) => {
    let s = url;
    for (const o of ops) {
      const at = s.length ? o.at % s.length : 0;
      if (o.op === 'truncate') s = s.slice(0, at);
      else if (o.op === 'flip') s = s.slice(0, at) + o.ch + s.slice(at + 1);
      else if (o.op === 'delete') s = s.slice(0, at) + s.slice(at + 1);
      else s = s.slice(0, at) + o.text.replace('?', '&') + s.slice(at);
    }
    return '?' + s;
  });

describe('link codec properties', () => {
  it('decode(encode(s)) = s for valid states, with no message', () => {
    fc.assert(
      fc.property(urlStateArb, (s) => {
        expect(isValidUrlState(s)).toBe(true);
        const r = decodeUrlState(`?${encodeUrlState(s)}`);
        expect(r.issues).toEqual([]);
        expect(r.state).toEqual(s);
      }),
      { numRuns: 1000 },
    );
  });

  it('is canonical: equal states give equal links, and a decoded link re-encodes to itself', () => {
    fc.assert(
      fc.property(fc.oneof(randomQueryArb, mutatedUrlArb), (q) => {
        const once = encodeUrlState(decodeUrlState(q).state);
        const again = decodeUrlState(once);
        expect(again.issues).toEqual([]);
        expect(encodeUrlState(again.state)).toBe(once);
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws on 10,000 random and mutated links, and always gives a valid state', () => {
    let withIssues = 0;
    fc.assert(
      fc.property(
        fc.oneof(randomQueryArb, mutatedUrlArb, fc.string({ maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 80 })),
        (q) => {
          const r = decodeUrlState(q);
          expect(isValidUrlState(r.state)).toBe(true);
          for (const issue of r.issues) {
            expect(typeof issue.message).toBe('string');
            expect(issue.message.length).toBeGreaterThan(10);
            expect(issue.message.length).toBeLessThan(400);
          }
          if (r.issues.length) withIssues++;
        },
      ),
      { numRuns: 10_000, seed: 20251104 },
    );
    // The fuzzing reaches the error paths, not only clean links.
    expect(withIssues).toBeGreaterThan(2000);
  });
});
