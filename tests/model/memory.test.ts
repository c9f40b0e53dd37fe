import { describe, it, expect } from 'vitest';
import { computeMemory } from '../../workers/model/memory.ts';

describe('computeMemory', () => {
  it('accepts 4096 CPUs and rejects 4097 with the percpu message at 4 KiB pages', () => {
    expect(computeMemory({ cpus: 4096, pageSize: 4096, nodes: 1 }).percpu.ok).toBe(true);
    const r = computeMemory({ cpus: 4097, pageSize: 4096, nodes: 1 });
    expect(r.percpu.ok).toBe(false);
    expect(r.percpu.message).toBe('illegal size (32776) or align (8) for percpu allocation');
  });
});
