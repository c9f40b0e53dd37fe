// Figures at the current N: the old design (or its boot failure) beside the new one.
import type { ReactNode } from 'react';
import type { MemoryReport, MixedCost } from '../../workers/api.ts';
import { selectMemorySnapshot } from '../state/selectors.ts';
import { useAppStore } from '../state/store.ts';
import { Bytes } from './Bytes.tsx';
import { formatCount, formatExactBytes } from './formatBytes.ts';

function Row({ term, children, note }: { term: string; children: ReactNode; note?: ReactNode }) {
  return (
    <div className="grid grid-cols-[9.5rem_minmax(0,1fr)] gap-x-3 border-t border-slate-100 py-1.5 first:border-t-0">
      <dt className="text-xs text-slate-600">{term}</dt>
      <dd className="text-sm">
        {children}
        {note && <div className="text-xs text-slate-500">{note}</div>}
      </dd>
    </div>
  );
}

function OldDesign({ report }: { report: MemoryReport }) {
  const { percpu, cpus } = report;
  return (
    <section aria-label="Old design" className="rounded border border-orange-200 bg-white p-4">
      <h3 className="text-sm font-semibold text-orange-900">Old design: one percpu array, allocated at boot</h3>
      <p className="text-xs text-slate-500">__alloc_percpu(8·nr_cpu_ids) in init_sched_ext_class() (before 14c1da3895a1)</p>
      {percpu.ok ? (
        <dl className="mt-2">
          <Row term="Total, 8·N²" note="resident from boot, even with no BPF scheduler">
            <Bytes value={percpu.totalBytes} className="text-xl font-semibold text-orange-800" />
          </Row>
          <Row
            term="Per CPU, 8·N"
            note={
              <>
                percpu limit PCPU_MIN_UNIT_SIZE = <Bytes value={percpu.limitBytes} />
              </>
            }
          >
            <Bytes value={percpu.bytesPerCpu} />
          </Row>
        </dl>
      ) : (
        <div className="mt-3 rounded border-2 border-red-600 bg-red-50 p-3 text-red-900">
          <p className="flex items-center gap-2 font-bold">
            <svg viewBox="0 0 20 20" className="h-5 w-5 shrink-0 fill-red-700" aria-hidden="true">
              <path d="M10 1.5 19 18H1L10 1.5Zm-1 6v5h2v-5H9Zm0 6.5v2h2v-2H9Z" />
            </svg>
            boot panic (BUG_ON in init_sched_ext_class)
          </p>
          <p className="mt-2 text-xs text-red-800">The kernel prints, from pcpu_alloc():</p>
          <pre className="mt-1 rounded bg-red-950 px-2 py-1 font-mono text-xs whitespace-pre-wrap text-red-50">{percpu.message}</pre>
          <p className="mt-2 text-xs">
            8·N = <span title={formatExactBytes(percpu.bytesPerCpu)}>{formatCount(percpu.bytesPerCpu)} bytes</span> per CPU is over
            PCPU_MIN_UNIT_SIZE = <span title={formatExactBytes(percpu.limitBytes)}>{formatCount(percpu.limitBytes)} bytes</span>. The
            allocation returns NULL, BUG_ON(!scx_kick_cpus_pnt_seqs) fires in sched_init(), and a kernel with {formatCount(cpus)} possible
            CPUs never boots — whether or not a BPF scheduler is ever loaded.
          </p>
        </div>
      )}
    </section>
  );
}

function NewDesign({ report, mixed }: { report: MemoryReport; mixed: MixedCost }) {
  const { kvzalloc, pageSize } = report;
  const { kmalloc, vmalloc } = kvzalloc;
  return (
    <section aria-label="New design" className="rounded border border-blue-200 bg-white p-4">
      <h3 className="text-sm font-semibold text-blue-900">New design: kvzalloc_node() per CPU</h3>
      <p className="text-xs text-slate-500">alloc_kick_pseqs() in scx_enable(), freed via RCU on disable (14c1da3895a1)</p>
      <dl className="mt-2">
        <Row term="Total via kmalloc" note="only while a scheduler is loaded">
          <Bytes value={kmalloc.totalBytes} className="text-xl font-semibold text-blue-800" />
        </Row>
        <Row
          term="Per CPU via kmalloc"
          note={kmalloc.path === 'slab' ? 'SLUB cache' : `page allocator, ${pageSize / 1024} KiB · 2^${kmalloc.order} (PAGE_SIZE·2^order)`}
        >
          <Bytes value={kmalloc.bytesPerCpu} /> from <code className="font-mono text-xs">{kmalloc.cache}</code>
        </Row>
        <Row term="vmalloc fallback" note={vmalloc ? 'only while a scheduler is loaded; the guard page is address space only' : undefined}>
          {vmalloc ? (
            <>
              <Bytes value={vmalloc.totalBytes} className="font-semibold text-teal-800" /> total · <Bytes value={vmalloc.bytesPerCpu} /> per
              CPU ({vmalloc.pages} pages)
            </>
          ) : (
            <span className="text-slate-600">none: S ≤ PAGE_SIZE, so kvmalloc never falls back</span>
          )}
        </Row>
        <Row
          term="Each array by its own path"
          note={`per-CPU pattern ${mixed.pattern} (Races › Advanced): kvzalloc_node() chooses per call`}
        >
          <Bytes value={mixed.totalBytes} className="font-semibold" /> · {mixed.kmallocArrays} via kmalloc, {mixed.vmallocArrays} via
          vmalloc
        </Row>
        <Row term="Request S per CPU" note="S = 16 + 8·N (rcu_head + N sequence slots)">
          <span title={formatExactBytes(kvzalloc.requestBytes)} className="tabular-nums">
            {formatCount(kvzalloc.requestBytes)} B
          </span>{' '}
          · total <Bytes value={kvzalloc.requestTotalBytes} />
        </Row>
        <Row term="Slack (consumed − requested)">
          kmalloc <Bytes value={kmalloc.slackTotalBytes} /> (<Bytes value={kmalloc.slackBytesPerCpu} /> per CPU)
          {vmalloc && (
            <>
              {' '}
              · vmalloc <Bytes value={vmalloc.slackTotalBytes} /> (<Bytes value={vmalloc.slackBytesPerCpu} /> per CPU)
            </>
          )}
        </Row>
      </dl>
    </section>
  );
}

export function MemoryReadouts() {
  const snapshot = useAppStore(selectMemorySnapshot);
  if (!snapshot) return <p className="text-sm text-slate-500">Computing…</p>;
  return (
    <div className="grid gap-3 lg:grid-cols-2">
      <OldDesign report={snapshot.report} />
      <NewDesign report={snapshot.report} mixed={snapshot.mixed} />
    </div>
  );
}
