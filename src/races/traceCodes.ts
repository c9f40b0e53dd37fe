// The model's code tables (event kinds, kernel functions, cell states, actor kinds) as the UI needs
// them at run time to read the struct-of-arrays trace. src/ may only import types from workers/, so
// these are copies, and the type checker fails the build the moment one drifts from the model's.
import type {
  ACTOR_KINDS as MODEL_ACTOR_KINDS,
  CELL_STATES as MODEL_CELL_STATES,
  EVENT_KINDS as MODEL_EVENT_KINDS,
  KERNEL_FNS as MODEL_KERNEL_FNS,
} from '../../workers/model/sched/types.ts';

export const EVENT_KINDS = [
  'boot', 'percpu-alloc', 'percpu-fail', 'panic', 'mutex-lock', 'mutex-unlock', 'warn', 'alloc', 'alloc-fail',
  'assign', 'state-check', 'set-state', 'switch-in', 'switch-out', 'bypass', 'sync-call', 'sync-return', 'replace',
  'call-rcu', 'free', 'kick', 'kick-bypassed', 'irq-queue', 'irq-enter', 'slot-load', 'null-return', 'kick-one',
  'kick-skip', 'kick-idle', 'snapshot', 'spin', 'spin-done', 'irq-leave', 'uaf', 'null-deref', 'leak',
  'double-free', 'ctx-switch', 'pnt-bump', 'wake', 'gp-start', 'qs', 'gp-end', 'cb-invoke', 'enable-return',
  'stuck', 'rcu-stall',
] as const;

export const KERNEL_FNS = [
  'init_sched_ext_class', 'scx_enable', 'alloc_kick_pseqs', 'free_kick_pseqs', 'scx_disable_workfn',
  'scx_bpf_kick_cpu', 'kick_cpus_irq_workfn', 'kick_one_cpu', 'kick_one_cpu_if_idle', '__schedule',
  'try_to_wake_up', 'rcu_gp_kthread', 'rcu_note_context_switch', 'rcu_do_batch', 'synchronize_rcu',
] as const;

export const CELL_STATES = ['null', 'live', 'unpublished', 'waiting-gp', 'freed', 'leaked', 'percpu'] as const;

export const ACTOR_KINDS = ['boot', 'enable', 'disable', 'bpf', 'irq', 'sched', 'wake', 'qs', 'cb', 'gp'] as const;

/** True only when A and B are the same type (tuples: same length, order and members). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const TABLES_MATCH_MODEL: [
  Same<typeof EVENT_KINDS, typeof MODEL_EVENT_KINDS>,
  Same<typeof KERNEL_FNS, typeof MODEL_KERNEL_FNS>,
  Same<typeof CELL_STATES, typeof MODEL_CELL_STATES>,
  Same<typeof ACTOR_KINDS, typeof MODEL_ACTOR_KINDS>,
] = [true, true, true, true];
void TABLES_MATCH_MODEL;

export type EventKindName = (typeof EVENT_KINDS)[number];
export type ActorKindName = (typeof ACTOR_KINDS)[number];

function indexOf<T extends string>(table: readonly T[]): Record<T, number> {
  return Object.fromEntries(table.map((name, i) => [name, i])) as Record<T, number>;
}

/** Event kind name → its code in TraceColumns.kind. */
export const KIND = indexOf(EVENT_KINDS);
/** Actor kind name → its code in TraceColumns.actorKind. */
export const ACTOR = indexOf(ACTOR_KINDS);

/**
 * The actor id of trace event i, in the model's naming (`<kind>` or `<kind>:<cpu or loader>`): loaders
 * are named by the run's schedule (`actorIds`, indexed by trace step), per-CPU actors by their CPU.
 */
export function actorIdOfEvent(
  trace: { step: ArrayLike<number>; cpu: ArrayLike<number>; actorKind: ArrayLike<number> },
  i: number,
  actorIds: readonly string[],
): string {
  const kind = ACTOR_KINDS[trace.actorKind[i]];
  switch (kind) {
    case 'enable':
      return actorIds[trace.step[i]] ?? 'enable';
    case 'boot':
    case 'disable':
    case 'gp':
      return kind;
    default:
      return `${kind}:${trace.cpu[i]}`;
  }
}
