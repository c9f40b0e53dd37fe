// The one request-id counter (src/sim/requestId.ts): the slices' "latest wins" checks need every id to be
// positive (0 means "no request yet") and different from every other request's, whatever its kind.
import { describe, expect, it } from 'vitest';
import { nextRequestId } from '../../src/sim/requestId.ts';

describe('nextRequestId', () => {
  it('hands out positive ids, each larger than the one before', () => {
    const ids = Array.from({ length: 1000 }, () => nextRequestId());
    expect(ids[0]).toBeGreaterThan(0);
    ids.slice(1).forEach((id, i) => expect(id).toBeGreaterThan(ids[i]));
  });
});
