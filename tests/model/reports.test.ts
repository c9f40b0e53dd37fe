// The KASAN use-after-free report names the bug type by where the freed array came from, as KASAN does
// (mm/kasan/report_generic.c): a slab object, a page-allocator page or vmalloc space; and the NULL-pointer
// oops carries x86's page-fault error code for a read or a write.
import { describe, expect, it } from 'vitest';
import { run } from '../../workers/model/sched/run.ts';
import { makeRunConfig } from '../../workers/model/sched/variants.ts';
import type { Report } from '../../workers/model/sched/types.ts';

const uafOf = (cpus: number, kvmallocPath: 'kmalloc' | 'vmalloc' = 'kmalloc'): Report => {
  // The default interleaving shows the use-after-free under the timer-tick delivery (irq work after synchronize_rcu()).
  const r = run(makeRunConfig({ scenario: 'disable-vs-kick', variant: 'no-rcu', cpus, kvmallocPath, irqDelivery: 'tick' }), {
    trace: false,
  }).result;
  const uaf = r.reports.find((x) => x.kind === 'uaf');
  if (!uaf) throw new Error(`no use-after-free at ${cpus} CPUs`);
  return uaf;
};

describe('KASAN use-after-free report', () => {
  it('a kmalloc slab object: slab-use-after-free, with the cache it belonged to', () => {
    const r = uafOf(4);
    expect(r.title).toMatch(/^KASAN: slab-use-after-free in /);
    expect(r.lines.join('\n')).toMatch(/belongs to the cache kmalloc-64 of size 64/);
  });

  it('pages from the page allocator (S > 8 KiB at 4 KiB pages): use-after-free, no cache line', () => {
    const r = uafOf(1023);
    expect(r.title).toMatch(/^KASAN: use-after-free in /);
    expect(r.lines.join('\n')).toMatch(/belongs to the physical page/);
    expect(r.lines.join('\n')).not.toMatch(/cache/);
  });

  it('the vmalloc fallback: vmalloc-out-of-bounds in a virtual mapping, no cache line', () => {
    const r = uafOf(600, 'vmalloc');
    expect(r.title).toMatch(/^KASAN: vmalloc-out-of-bounds in /);
    expect(r.lines.join('\n')).toMatch(/belongs to the virtual mapping/);
    expect(r.lines.join('\n')).not.toMatch(/cache/);
  });
});
