// The machine state of the scheduler-core model, its copy, and the dispatch of each actor to its kernel path.
// Each step stands for one piece of a kernel function (named in the events it emits); workers/model/README.md
// gives the semantics and their kernel sources (#kick-path-scx_bpf_kick_cpu, #scx_enable-ordering,
// #disable-path-scx_disable_workfn, #rcu-rules-the-model-uses and the sections between them).
// The actors' guards, steps and step texts live with their path (the state key: ../stateFields.ts):
//   task.ts     boot (init_sched_ext_class), __schedule(), try_to_wake_up()
//   enable.ts   scx_enable() with alloc_kick_pseqs()
//   disable.ts  scx_disable_workfn()
//   kick.ts     scx_bpf_kick_cpu(), kick_cpus_irq_workfn(), kick_one_cpu(), the SCX_KICK_WAIT wait
//   rcu.ts      quiescent states, callbacks (rcu_do_batch) and grace periods (rcu_gp_kthread)
//   pseqs.ts    the arrays themselves: allocation, references, accesses, free_kick_pseqs() and kvfree()
// A new state field is declared and initialised here, copied in copy.ts and described (or listed as unkeyed)
// in ../stateFields.ts; tests/model/machineFields.test.ts fails when one of those is forgotten.
import type { RunConfig, KernelFn } from '../types.ts';
import { KERNEL_FNS } from '../types.ts';
import { IndexSet } from '../indexSet.ts';
import { lineOf } from '../code.ts';
import {
  ACTOR_CODE,
  EVENT_CODE,
  FN_CODE,
  CLS_IDLE,
  CLS_SCX,
  CLS_FAIR,
  ST_DISABLED,
  D_START,
  IRQ_IDLE,
  IRQ_WAIT,
  TASK_RUNNING,
  L_START,
  NONE,
  actorCode,
  actorKindOf,
  actorSubOf,
} from './codes.ts';
import { copyMachine } from './copy.ts';
import { bootGuard, schedGuard, wakeGuard, stepBoot, stepSched, stepWake } from './task.ts';
import { enableGuard, stepEnable } from './enable.ts';
import { disableGuard, stepDisable } from './disable.ts';
import { bpfGuard, irqGuard, stepBpf, stepIrq } from './kick.ts';
import { qsGuard, cbGuard, gpGuard, stepQs, stepCb, stepGp } from './rcu.ts';

// ---- scenario script (immutable, shared by clones) --------------------------------------------------

export interface KickOp {
  target: number;
  flags: number;
  guard?: (m: Machine) => boolean;
}

export interface Script {
  /** Loaders calling scx_enable(), by name ('A', 'B'); each may wait for a guard before it starts. */
  loaders: { name: string; guard?: (m: Machine) => boolean }[];
  /** When scx_disable_workfn() may start; null = never. */
  disableGuard: ((m: Machine) => boolean) | null;
  /** Scripted scx_bpf_kick_cpu() calls per kicking CPU. */
  kicks: Map<number, KickOp[]>;
  /** Scripted wake-ups (try_to_wake_up of the CPU's task) per CPU. */
  wakes: Map<number, { guard?: (m: Machine) => boolean }[]>;
  /**
   * CPUs whose SCX tasks are CPU-bound: a rescheduled one stays runnable (the BPF scheduler picks it again, or
   * another SCX task queued there) instead of going to sleep. Elsewhere a rescheduled SCX task blocks.
   */
  cpuBound: ReadonlySet<number>;
  /** kick-storm: BPF kicks at random (seeded) from every CPU until this many were issued; 0 = no storm. */
  stormKicks: number;
  /** The CPU the loader and the disable kthread run on. */
  helperCpu: number;
}

export interface Sink {
  emit(step: number, cpu: number, actorKind: number, fn: number, kind: number, obj: number, bytes: number, arg: number, line: number): void;
}

/** One scx_enable() caller's locals and program counter. */
export interface Loader {
  pc: number;
  cursor: number;
  /** free loop phase: 0 = next is replace, 1 = next is call_rcu/kvfree of `local` */
  phase: number;
  local: number;
  ret: number;
}

/** What an actor's next step would do, in words (the step view). */
export interface NextStep {
  fn: KernelFn;
  text: string;
  line: number;
}

// ---- the machine --------------------------------------------------------------------------------------

export class Machine {
  readonly cfg: RunConfig;
  readonly script: Script;
  readonly n: number;
  step = 0;
  halted = false;
  haltReason = '';

  // per-CPU pointer table and allocations (struct of arrays, grown on demand; pseqs.ts)
  slot!: Int32Array;
  allocCount = 0;
  allocCpu = new Int32Array(0);
  allocNode = new Int32Array(0);
  allocState = new Uint8Array(0);
  allocRefs = new Int32Array(0);
  allocRequest = new Float64Array(0);
  allocConsumed = new Float64Array(0);
  allocPath = new Uint8Array(0); // 0 kmalloc slab, 1 page allocator, 2 vmalloc, 3 percpu
  allocFreedStep = new Int32Array(0);
  allocAllocStep = new Int32Array(0);
  /** Entries written per array: target cpu → pnt_seq snapshot. Copy-on-write across snapshots. */
  writes: (Map<number, number> | undefined)[] = [];
  writesGen = new Int32Array(0);
  gen = 0;

  // per-rq
  pnt!: Float64Array;
  taskState!: Uint8Array;
  /** Runnable tasks waiting on CPU c besides its current one (task.ts): SCX tasks while scxTasks, else fair. */
  queued!: Uint8Array;
  needResched!: Uint8Array;
  masks!: (Map<number, number> | undefined)[];
  irqPending!: Uint8Array;
  irqPc!: Uint8Array;
  irqPtr!: Int32Array;
  irqShouldWait!: Uint8Array;
  /** SCX_KICK_WAIT spin bookkeeping: target, and what the last read saw (to tell a stutter from progress). */
  irqSpinTarget!: Int32Array;
  irqSpinSeenPnt!: Float64Array;
  irqSpinSeenFreed!: Uint8Array;
  stormKicksDone!: Int32Array;
  kicksDone!: Int32Array;
  wakesDone!: Int32Array;

  // sched_ext
  enableState = ST_DISABLED;
  scxTasks = false;
  mutexOwner = NONE;
  /** scx_bypass() depth: enable and disable each hold one while they switch tasks (bypassing while > 0). */
  bypassDepth = 0;
  stormIssued = 0;
  stormWakes = 0;
  kvzallocCalls = 0;
  loaders!: Loader[];
  disablePc = D_START;
  disableCursor = 0;
  disablePhase = 0;
  disableLocal = NONE;
  disableSyncGp = 0;
  booted = false;

  // RCU
  gpCompleted = 0;
  gpInProgress = false;
  qsOwed!: Uint8Array;
  owed!: IndexSet;
  /** Callbacks per CPU, FIFO: [allocId, gpNeeded, allocId, gpNeeded, …] */
  cbq!: number[][];
  cbCpus!: IndexSet;
  cbPending = 0;
  maxGpNeeded = 0;

  // bookkeeping for the policies and checkers
  irqActive!: IndexSet; // CPUs with irq work pending or running and not blocked in the spin
  spinners!: IndexSet; // CPUs blocked in the spin until something changes
  /** spinOn[t]: CPUs blocked spinning on target t (so a pnt_seq bump wakes exactly those). */
  spinOn!: (number[] | undefined)[];
  reschedSet!: IndexSet;
  blocked!: IndexSet; // CPUs whose task is blocked (candidates for a storm wake-up)
  warnOnce = new Set<string>();
  prWarnOnce = false;
  uafCount = 0;
  nullDeref = false;
  doubleFree = 0;
  leakedArrays = 0;
  leakedBytes = 0;
  droppedKicks = 0;
  bootPanic = false;
  warnings: string[] = [];
  enableErrors: number[] = [];
  liveBytes = 0;
  waitingBytes = 0;
  freedBytes = 0;

  // step context: where the step being taken runs (set by apply(), read by emit())
  sink: Sink | null = null;
  curCpu = 0;
  curKind = 0;

  /** A new machine for `cfg`, or (with `from`) a deep copy of `from` built by the constructor, so V8 keeps
   *  the copy's fast property layout (an Object.create/assign copy would not). */
  constructor(cfg: RunConfig, script: Script, from?: Machine) {
    this.cfg = cfg;
    this.script = script;
    if (from) {
      this.n = from.n;
      copyMachine(this, from, false);
      return;
    }
    const n = (this.n = cfg.cpus);
    this.slot = new Int32Array(n).fill(NONE);
    this.pnt = new Float64Array(n);
    this.taskState = new Uint8Array(n);
    this.queued = new Uint8Array(n);
    this.needResched = new Uint8Array(n);
    this.masks = new Array<Map<number, number> | undefined>(n);
    this.irqPending = new Uint8Array(n);
    this.irqPc = new Uint8Array(n);
    this.irqPtr = new Int32Array(n).fill(NONE);
    this.irqShouldWait = new Uint8Array(n);
    this.irqSpinTarget = new Int32Array(n).fill(NONE);
    this.irqSpinSeenPnt = new Float64Array(n).fill(-1);
    this.irqSpinSeenFreed = new Uint8Array(n);
    this.stormKicksDone = new Int32Array(n);
    this.kicksDone = new Int32Array(n);
    this.wakesDone = new Int32Array(n);
    this.qsOwed = new Uint8Array(n);
    this.owed = new IndexSet(n);
    this.cbq = Array.from({ length: n }, () => []);
    this.cbCpus = new IndexSet(n);
    this.irqActive = new IndexSet(n);
    this.spinners = new IndexSet(n);
    this.spinOn = new Array<number[] | undefined>(n);
    this.reschedSet = new IndexSet(n);
    this.blocked = new IndexSet(n);
    this.loaders = script.loaders.map(() => ({ pc: L_START, cursor: 0, phase: 0, local: NONE, ret: 0 }));
  }

  /** A deep copy that shares nothing mutable with this machine (per-array write maps are copy-on-write). */
  clone(): Machine {
    return new Machine(this.cfg, this.script, this);
  }

  /**
   * Become a deep copy of `src` (a machine of the same run), reusing this machine's arrays where the
   * sizes match: what a clone() gives, without allocating O(N) memory each time (the stepper's cursor).
   */
  restoreFrom(src: Machine): this {
    if (src.n !== this.n || src.script !== this.script) throw new Error('restoreFrom: a machine of another run');
    copyMachine(this, src, true);
    return this;
  }

  // ---- primitives shared by several kernel paths ------------------------------------------------------

  /** Record an event of the step being taken (`label` names its line in the code view). */
  emit(fn: number, kind: number, obj = NONE, bytes = 0, arg = NONE, label?: string): void {
    if (!this.sink) return;
    const line = label === undefined ? -1 : lineOf(KERNEL_FNS[fn], label);
    this.sink.emit(this.step, this.curCpu, this.curKind, fn, kind, obj, bytes, arg, line);
  }

  /** The class the CPU's current task runs in. */
  cls(c: number): number {
    if (this.taskState[c] !== TASK_RUNNING) return CLS_IDLE;
    return this.scxTasks ? CLS_SCX : CLS_FAIR;
  }

  /** CPU c is inside kick_cpus_irq_workfn() (hardirq, or the irq_work/N kthread: nothing else of c's runs). */
  inReader(c: number): boolean {
    return this.irqPc[c] !== IRQ_IDLE;
  }

  /** …in hardirq, IRQs off: an RCU reader; no QS or callback on c (#how-the-kick-irq-work-runs-two-options). */
  inHardIrq(c: number): boolean {
    return this.irqPc[c] !== IRQ_IDLE && this.cfg.irqWork === 'hard';
  }

  /** Hard irq work queued with IRQs off under self-interrupt delivery: only more BPF runs on c until it has run. */
  irqDue(c: number): boolean {
    const { irqDelivery, irqWork } = this.cfg;
    return this.irqPending[c] === 1 && this.irqPc[c] === IRQ_IDLE && irqDelivery === 'self-interrupt' && irqWork === 'hard';
  }

  warnOnceAt(site: string, text: string): void {
    if (this.warnOnce.has(site)) return;
    this.warnOnce.add(site);
    this.warnings.push(text);
  }

  halt(reason: string): void {
    this.halted = true;
    this.haltReason = reason;
  }

  /** resched_curr(): set TIF_NEED_RESCHED on CPU c. */
  setResched(c: number): void {
    if (!this.needResched[c]) {
      this.needResched[c] = 1;
      this.reschedSet.add(c);
    }
  }

  /**
   * pnt_seq of CPU c moves on (a release store); the SCX_KICK_WAIT spinners waiting on c can now make progress.
   * `label` names the line of __schedule()'s pseudo-code that does it (the kernel function doing the bump).
   */
  bumpPnt(c: number, label?: string): void {
    this.pnt[c]++;
    this.emit(FN_CODE.__schedule, EVENT_CODE['pnt-bump'], NONE, 0, this.pnt[c], label);
    const w = this.spinOn[c];
    if (w && w.length) {
      for (const k of w) this.unblockSpinner(k);
      this.spinOn[c] = undefined;
    }
  }

  /** CPU k, blocked in the SCX_KICK_WAIT spin, may read again. */
  unblockSpinner(k: number): void {
    if (!this.spinners.has(k)) return;
    this.spinners.remove(k);
    this.irqActive.add(k);
  }

  /** A callback or synchronize_rcu() needs a grace period that starts after now: its number. */
  requestGp(): number {
    const need = this.gpInProgress ? this.gpCompleted + 2 : this.gpCompleted + 1;
    if (need > this.maxGpNeeded) this.maxGpNeeded = need;
    return need;
  }

  /** CPU c reports the quiescent state the current grace period waits for (if it owes one). */
  reportQs(c: number, fn: number): void {
    if (!this.qsOwed[c]) return;
    this.qsOwed[c] = 0;
    this.owed.remove(c);
    this.emit(fn, EVENT_CODE.qs, NONE, 0, this.gpCompleted + 1);
  }

  // ---- enabled actors ---------------------------------------------------------------------------------

  /** Whether an actor can take a step now (O(1)). */
  isEnabled(code: number): boolean {
    if (this.halted) return false;
    const kind = actorKindOf(code);
    const c = actorSubOf(code);
    switch (kind) {
      case ACTOR_CODE.boot:
        return bootGuard(this);
      case ACTOR_CODE.enable:
        return this.enableOk(c);
      case ACTOR_CODE.disable:
        return this.disableOk();
      case ACTOR_CODE.bpf:
        return bpfGuard(this, c);
      case ACTOR_CODE.irq:
        return irqGuard(this, c);
      case ACTOR_CODE.sched:
        return this.schedOk(c);
      case ACTOR_CODE.wake:
        return wakeGuard(this, c);
      case ACTOR_CODE.qs:
        return qsGuard(this, c);
      case ACTOR_CODE.cb:
        return cbGuard(this, c);
      case ACTOR_CODE.gp:
        return gpGuard(this);
      default:
        return false;
    }
  }

  // The loaders and the disable kthread run on the helper CPU, the context switch on its own CPU: none of
  // them while that CPU's self-interrupt is due (irqDue).
  private enableOk(i: number): boolean {
    return enableGuard(this, i) && !this.irqDue(this.script.helperCpu);
  }

  private disableOk(): boolean {
    return disableGuard(this) && !this.irqDue(this.script.helperCpu);
  }

  private schedOk(c: number): boolean {
    return schedGuard(this, c) && !this.irqDue(c);
  }

  /**
   * Every enabled actor, in a fixed order, at most `limit` (O(N); for small machines, the UI and exhaustive
   * search). The same guards as isEnabled(), called directly: the search calls this once per state.
   */
  enabledActors(limit = Infinity): number[] {
    const out: number[] = [];
    if (this.halted) return out;
    const { boot, enable, disable, bpf, irq, sched, wake, gp, qs, cb } = ACTOR_CODE;
    if (bootGuard(this)) out.push(actorCode(boot, 0));
    for (let i = 0; i < this.loaders.length; i++) if (this.enableOk(i)) out.push(actorCode(enable, i));
    if (this.disableOk()) out.push(actorCode(disable, 0));
    for (let c = 0; c < this.n && out.length < limit; c++) {
      if (bpfGuard(this, c)) out.push(actorCode(bpf, c));
      if (irqGuard(this, c)) out.push(actorCode(irq, c));
      if (this.schedOk(c)) out.push(actorCode(sched, c));
      if (wakeGuard(this, c)) out.push(actorCode(wake, c));
    }
    if (gpGuard(this)) out.push(actorCode(gp, 0));
    for (let c = 0; c < this.n && out.length < limit; c++) {
      if (qsGuard(this, c)) out.push(actorCode(qs, c));
      if (cbGuard(this, c)) out.push(actorCode(cb, c));
    }
    return out.length > limit ? out.slice(0, limit) : out;
  }

  // ---- stepping -----------------------------------------------------------------------------------------

  /** Take one step of `code` (which must be enabled). */
  apply(code: number): void {
    const kind = actorKindOf(code);
    const c = actorSubOf(code);
    this.curKind = kind;
    switch (kind) {
      case ACTOR_CODE.boot:
        this.curCpu = 0;
        stepBoot(this);
        break;
      case ACTOR_CODE.enable:
        this.curCpu = this.script.helperCpu;
        stepEnable(this, c);
        break;
      case ACTOR_CODE.disable:
        this.curCpu = this.script.helperCpu;
        stepDisable(this);
        break;
      case ACTOR_CODE.bpf:
        this.curCpu = c;
        stepBpf(this, c);
        break;
      case ACTOR_CODE.irq:
        this.curCpu = c;
        stepIrq(this, c);
        break;
      case ACTOR_CODE.sched:
        this.curCpu = c;
        stepSched(this, c);
        break;
      case ACTOR_CODE.wake:
        this.curCpu = c;
        stepWake(this, c);
        break;
      case ACTOR_CODE.qs:
        this.curCpu = c;
        stepQs(this, c);
        break;
      case ACTOR_CODE.cb:
        this.curCpu = c;
        stepCb(this, c);
        break;
      case ACTOR_CODE.gp:
        this.curCpu = 0;
        stepGp(this);
        break;
    }
    this.step++;
  }

  // ---- end-of-run checks -----------------------------------------------------------------------------

  /** CPUs spinning in the SCX_KICK_WAIT loop (at the end of a run: spinning forever). */
  spinningCpus(): number[] {
    const out: number[] = [];
    for (let c = 0; c < this.n; c++) if (this.irqPc[c] === IRQ_WAIT && this.irqSpinTarget[c] !== NONE) out.push(c);
    return out;
  }

  /** A grace period in progress that some CPU can never end (it is inside a read-side section forever). */
  stalledGp(): boolean {
    return this.gpInProgress && this.owed.size > 0;
  }
}
