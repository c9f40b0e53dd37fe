// The machine's numeric codes: event, kernel-function and actor codes (indices into the name lists of
// types.ts), the small enums, and the program counter of every actor that takes more than one step.
import type { EventKind, KernelFn, ActorKind } from '../types.ts';
import { EVENT_KINDS, KERNEL_FNS, ACTOR_KINDS } from '../types.ts';

/** Event kind → its code in the trace columns (the index in EVENT_KINDS). */
export const EVENT_CODE = Object.fromEntries(EVENT_KINDS.map((k, i) => [k, i])) as Record<EventKind, number>;
/** Kernel function → its code in the trace columns (the index in KERNEL_FNS). */
export const FN_CODE = Object.fromEntries(KERNEL_FNS.map((k, i) => [k, i])) as Record<KernelFn, number>;
/** Actor kind → its code (the index in ACTOR_KINDS); see actorCode() for an actor's whole code. */
export const ACTOR_CODE = Object.fromEntries(ACTOR_KINDS.map((k, i) => [k, i])) as Record<ActorKind, number>;

/** The class the CPU's current task runs in. */
export const CLS_IDLE = 0;
export const CLS_SCX = 1;
export const CLS_FAIR = 2;

/** scx_bpf_kick_cpu() flags (SCX_KICK_*), also the bits of the per-CPU kick masks. */
export const KICK = 1;
export const KICK_IF_IDLE = 2;
export const KICK_PREEMPT = 4;
export const KICK_WAIT = 8;

/** scx_enable_state(). */
export const ST_DISABLED = 0;
export const ST_ENABLING = 1;
export const ST_ENABLED = 2;
export const ST_DISABLING = 3;
export const STATE_NAMES = ['DISABLED', 'ENABLING', 'ENABLED', 'DISABLING'] as const;

/** Allocation lifecycle. */
export const AL_LIVE = 0;
export const AL_UNPUBLISHED = 1;
export const AL_WAITING = 2;
export const AL_FREED = 3;
export const AL_LEAKED = 4;
export const AL_PERCPU = 5;

/** Irq work program counter (per CPU). */
export const IRQ_IDLE = 0;
export const IRQ_LOAD = 1;
export const IRQ_KICK = 2;
export const IRQ_IDLEKICK = 3;
export const IRQ_WAIT = 4;
export const IRQ_LEAVE = 5;

/** Task state of each CPU's one task. */
export const TASK_RUNNING = 0;
export const TASK_BLOCKED = 1;
export const TASK_RUNNABLE = 2;

/** scx_enable() program counter. */
export const L_START = 0;
export const L_ALLOC = 1;
export const L_CHECK = 2;
export const L_ERRFREE = 3;
export const L_ENABLING = 4;
export const L_SWITCHIN = 5;
export const L_ENABLED = 6;
export const L_UNLOCK = 7;
export const L_DONE = 8;

/** scx_disable_workfn() program counter. */
export const D_START = 0;
export const D_DISABLING = 1;
export const D_LOCK = 2;
export const D_SWITCHOUT = 3;
export const D_SYNC = 4;
export const D_SYNC_WAIT = 5;
export const D_FREE = 6;
export const D_UNLOCK = 7;
export const D_DISABLED = 8;
export const D_UNBYPASS = 9;
export const D_DONE = 10;

/** No CPU, no allocation, no owner (a NULL pointer when it stands for an array). */
export const NONE = -1;

/** An actor's code: its kind and its CPU (or loader index). */
export const actorCode = (kind: number, sub: number) => kind * 65536 + sub;
export const actorKindOf = (code: number) => Math.floor(code / 65536);
export const actorSubOf = (code: number) => code % 65536;
