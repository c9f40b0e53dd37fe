// The CPU grid at the cursor's step: each CPU's array (or slot) state, with an inset mark while the
// CPU is inside a read-side section (its irq work) or still owes a quiescent state for the current
// grace period, so a grace period visibly fills the grid and drains as CPUs report.
import { Glossed, Term } from '../ui/Term.tsx';
import { useCallback, useMemo } from 'react';
import { CpuHeatmap } from '../charts/heatmap/CpuHeatmap.tsx';
import { createCategoricalLut } from '../charts/shared/colorLut.ts';
import { nodeSizes } from '../charts/timeline/timelineLanes.ts';
import { useAppStore } from '../state/store.ts';
import {
  CELL_STATE_COLORS,
  CELL_STATE_LABELS,
  CHANGED_COLOR,
  QS_OWED_COLOR,
  READER_COLOR,
  READER_OWING_COLOR,
  VIOLATION_COLOR,
} from './racePalette.ts';
import { cpuList, stepChanges } from './stepChanges.ts';
import { selectRaceView } from './raceSelectors.ts';
import { CELL_STATES } from './traceCodes.ts';
import { FIGURE_IDS } from '../export/figures/figureRegistry.ts';

const CELL_LUT = createCategoricalLut(CELL_STATE_COLORS);
/** Overlay marks: 0 none, 1 owes a quiescent state, 2 in a read-side section, 3 both. */
const OVERLAY_LUT = createCategoricalLut([
  'rgba(0,0,0,0)',
  QS_OWED_COLOR,
  READER_COLOR,
  READER_OWING_COLOR,
  CHANGED_COLOR,
  VIOLATION_COLOR,
]);
/** Overlay marks of what the current step did: a cell whose state it changed, a CPU where a checker fired. */
const CHANGED = 4;
const VIOLATED = 5;
const identity = (v: number) => v;
const CLASS_NAMES = ['idle', 'SCX', 'fair'];
const IRQ_NAMES = ['no irq work', 'irq work pending', 'irq work running', 'spinning in SCX_KICK_WAIT'];
const groupLabels = (node: number, count: number) => [`node ${node} · ${count} CPUs`, `node ${node}`, `n${node}`];

function Swatch({ color, inset }: { color: string; inset?: boolean }) {
  return inset ? (
    <span className="relative inline-block h-3 w-3 rounded-sm bg-slate-200" aria-hidden="true">
      <span className="absolute inset-[3px] rounded-[1px]" style={{ background: color }} />
    </span>
  ) : (
    <span className="inline-block h-3 w-3 rounded-sm" style={{ background: color }} aria-hidden="true" />
  );
}

export function CpuGridPanel() {
  const view = useAppStore(selectRaceView);
  const cpus = view?.cpus ?? 0;
  const nodes = view?.nodes ?? 1;
  const groupSizes = useMemo(() => (cpus ? nodeSizes(cpus, Math.min(nodes, cpus)) : []), [cpus, nodes]);
  const changes = useMemo(() => stepChanges(view), [view]);
  const overlay = useMemo(() => {
    if (!view) return undefined;
    const values = new Uint8Array(view.cpus);
    for (let c = 0; c < view.cpus; c++) values[c] = (view.qsOwed[c] ? 1 : 0) | (view.inReader[c] ? 2 : 0);
    for (const c of changes.changed) values[c] = CHANGED;
    for (const c of changes.violated) values[c] = VIOLATED;
    return { values, lut: OVERLAY_LUT };
  }, [view, changes]);

  const hoverText = useCallback(
    (cpu: number) => {
      if (!view || cpu >= view.cpus) return '';
      const parts = [
        `CPU ${cpu}`,
        `array: ${CELL_STATE_LABELS[CELL_STATES[view.cell[cpu]]]}`,
        `class ${CLASS_NAMES[view.curClass[cpu]] ?? '?'}`,
        IRQ_NAMES[view.irq[cpu]] ?? '',
        `pnt_seq ${view.pntSeq[cpu]}`,
        view.needResched[cpu] ? 'need_resched' : '',
        view.inReader[cpu] ? 'in a read-side section' : '',
        view.qsOwed[cpu] ? `owes a quiescent state` : '',
      ];
      return parts.filter(Boolean).join(' · ');
    },
    [view],
  );

  return (
    <section className="chart-surface relative isolate min-w-0 rounded border border-slate-200 bg-white p-3 [contain:layout_style]">
      <div className="mb-1 flex flex-wrap items-center justify-between gap-x-3">
        <h3 className="text-sm font-semibold">CPUs at this step</h3>
        {/* What the step did, marked on the cells in the same colours (no row of its own: the grid stays put). */}
        <p className="flex flex-wrap items-center gap-x-2 text-[11px] text-slate-700" aria-label="What this step changed">
          {changes.violated.length > 0 && (
            <span className="flex items-center gap-1 font-semibold text-red-700">
              <Swatch color={VIOLATION_COLOR} inset />
              violation at this step on {cpuList(changes.violated)}
            </span>
          )}
          {changes.changed.length > 0 && (
            <span className="flex items-center gap-1">
              <Swatch color={CHANGED_COLOR} inset />
              changed: {cpuList(changes.changed)}
            </span>
          )}
        </p>
      </div>
      <p className="mb-2 text-xs text-slate-500">
        <Glossed
          text={`Colour: the state of the array each CPU owns. Inset (the whole cell when cells are tiny): inside its irq work (an RCU reader) or still owing a quiescent state${view?.rcu.inProgress ? ` for grace period ${view.rcu.completed + 1}` : ''}. Hover a CPU for details.`}
        />
      </p>
      {view ? (
        // Its own compositing layer: a redraw every step does not repaint the page around it.
        <div className="will-change-transform">
          <CpuHeatmap
            figureId={FIGURE_IDS.racesCpuGrid}
            label="CPU grid"
            values={view.cell}
            groupSizes={groupSizes}
            lut={CELL_LUT}
            valueToLutIndex={identity}
            groupLabels={view.nodes > 1 ? groupLabels : undefined}
            hoverText={hoverText}
            summary={view.summary}
            overlay={overlay}
            maxHeightPx={240}
            legend={
              <ul className="flex flex-wrap items-center gap-x-3 gap-y-1 text-[11px] text-slate-700" aria-label="CPU grid legend">
                {CELL_STATES.map((s, k) => (
                  <li key={s} className="flex items-center gap-1">
                    <Swatch color={CELL_STATE_COLORS[k]} />
                    {CELL_STATE_LABELS[s]}
                  </li>
                ))}
                <li className="flex items-center gap-1">
                  <Swatch color={READER_COLOR} inset />
                  in a <Term id="read-side">read-side section</Term>
                </li>
                <li className="flex items-center gap-1">
                  <Swatch color={QS_OWED_COLOR} inset />
                  owes a <Term id="quiescent-state">quiescent state</Term>
                </li>
                <li className="flex items-center gap-1">
                  <Swatch color={READER_OWING_COLOR} inset />
                  both
                </li>
              </ul>
            }
          />
        </div>
      ) : (
        <p className="text-sm text-slate-500">…</p>
      )}
      {view && (
        <p className="mt-1 text-[11px] text-slate-500">
          enable state {view.enableState}
          {view.bypass ? ' · bypassing' : ''} · mutex {view.mutexOwner ?? 'free'} · RCU: {view.rcu.completed} grace period
          {view.rcu.completed === 1 ? '' : 's'} done{view.rcu.inProgress ? `, one in progress (${view.rcu.owed} CPUs owe)` : ''}
          {view.rcu.callbacks ? `, ${view.rcu.callbacks} callbacks queued` : ''}
        </p>
      )}
    </section>
  );
}
