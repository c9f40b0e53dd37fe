// The small query language a lesson's answers and checks are written in: each query names one piece of
// the model's state after a step (a CPU's cell, the grace period, memory, the verdict), so a lesson is
// data, and tests/ui/lessons.test.ts can ask the model the same question the learner is asked.
import type { RunResult, StepView } from '../../workers/api.ts';
import { CELL_STATES } from '../../workers/model/constants.ts';

export type QueryValue = string | number | boolean;

export const RCU_FIELDS = ['completed', 'inProgress', 'owed', 'callbacks', 'waitingSync'] as const;
export const MEMORY_FIELDS = ['liveBytes', 'waitingBytes', 'leakedBytes', 'freedBytes'] as const;
export const VERDICT_FIELDS = [
  'useAfterFree',
  'nullDeref',
  'doubleFree',
  'leakedArrays',
  'leakedBytes',
  'droppedKicks',
  'bootPanic',
  'stuck',
  'rcuStall',
] as const;
/** What a CPU's kick irq work is doing (StepView.irq, in words). */
export const IRQ_STATES = ['none', 'pending', 'running', 'spinning'] as const;

/** One question to the model about the state after a step (the view) or about the whole run (the verdict). */
export type LessonQuery =
  | { query: 'cell'; cpu: number }
  | { query: 'cellCount'; state: (typeof CELL_STATES)[number] }
  | { query: 'inReader'; cpu: number }
  | { query: 'qsOwed'; cpu: number }
  | { query: 'irq'; cpu: number }
  | { query: 'rcu'; field: (typeof RCU_FIELDS)[number] }
  | { query: 'memory'; field: (typeof MEMORY_FIELDS)[number] }
  | { query: 'enableState' }
  | { query: 'event'; kind: string }
  | { query: 'verdict'; field: (typeof VERDICT_FIELDS)[number] };

/** The parts of a run a query reads: the step's view and the run's verdict. */
export interface QueryContext {
  view: Pick<StepView, 'step' | 'cpus' | 'cell' | 'inReader' | 'qsOwed' | 'irq' | 'rcu' | 'memory' | 'enableState' | 'events'>;
  verdict: RunResult['verdict'];
}

function cpuIndex(view: QueryContext['view'], cpu: number): number {
  if (!Number.isInteger(cpu) || cpu < 0 || cpu >= view.cpus) throw new RangeError(`CPU ${cpu} is not one of this run's ${view.cpus} CPUs`);
  return cpu;
}

/** The model's answer to `q` in `ctx`. O(1), but cellCount and event (O(CPUs), O(events of the step)). */
export function evaluateQuery(q: LessonQuery, ctx: QueryContext): QueryValue {
  const v = ctx.view;
  switch (q.query) {
    case 'cell':
      return CELL_STATES[v.cell[cpuIndex(v, q.cpu)]];
    case 'cellCount': {
      const code = CELL_STATES.indexOf(q.state);
      let n = 0;
      for (let c = 0; c < v.cpus; c++) if (v.cell[c] === code) n++;
      return n;
    }
    case 'inReader':
      return v.inReader[cpuIndex(v, q.cpu)] === 1;
    case 'qsOwed':
      return v.qsOwed[cpuIndex(v, q.cpu)] === 1;
    case 'irq':
      return IRQ_STATES[v.irq[cpuIndex(v, q.cpu)]];
    case 'rcu':
      return v.rcu[q.field];
    case 'memory':
      return v.memory[q.field];
    case 'enableState':
      return v.enableState;
    case 'event':
      return v.events.some((e) => e.kind === q.kind);
    case 'verdict':
      return ctx.verdict[q.field];
  }
}

/** A query in words, for the "the model says" line ("CPU 1's cell", "the verdict's leakedArrays"). */
export function describeQuery(q: LessonQuery): string {
  switch (q.query) {
    case 'cell':
      return `CPU ${q.cpu}'s array`;
    case 'cellCount':
      return `CPUs whose array is ${q.state}`;
    case 'inReader':
      return `CPU ${q.cpu} in a read-side section`;
    case 'qsOwed':
      return `CPU ${q.cpu} owes a quiescent state`;
    case 'irq':
      return `CPU ${q.cpu}'s kick irq work`;
    case 'rcu':
      return `RCU ${q.field}`;
    case 'memory':
      return `memory ${q.field}`;
    case 'enableState':
      return 'scx_enable_state()';
    case 'event':
      return `a ${q.kind} event at this step`;
    case 'verdict':
      return `the run's verdict: ${q.field}`;
  }
}

/** A value as the reveal shows it: booleans as yes/no, byte counts grouped. */
export function formatQueryValue(value: QueryValue): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return value.toLocaleString('en-US');
  return value;
}
