// The machine state of the scheduler-core model and its atomic steps. Each step stands for one piece of a
// kernel function (named in the events it emits); kernel-facts.md §1, §2, §5 give the semantics.
import type { RunConfig, EventKind, KernelFn, ActorKind } from './types.ts';
import { EVENT_KINDS, KERNEL_FNS, ACTOR_KINDS } from './types.ts';
import { IndexSet } from './indexSet.ts';
import { grown, type GrowableArray } from './typed.ts';
import { kmallocCost, vmallocCost, requestBytes, cpuToNode, percpuUnitLimit } from '../memory.ts';
import { lineOf } from './code.ts';
import { hash32 } from '../rng.ts';

// ---- small enums ------------------------------------------------------------------------------------

export const K = Object.fromEntries(EVENT_KINDS.map((k, i) => [k, i])) as Record<EventKind, number>;
export const F = Object.fromEntries(KERNEL_FNS.map((k, i) => [k, i])) as Record<KernelFn, number>;
export const A = Object.fromEntries(ACTOR_KINDS.map((k, i) => [k, i])) as Record<ActorKind, number>;

export const CLS_IDLE = 0;
export const CLS_SCX = 1;
export const CLS_FAIR = 2;

export const KICK = 1;
export const KICK_IF_IDLE = 2;
export const KICK_PREEMPT = 4;
export const KICK_WAIT = 8;

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

export const NONE = -1;

export const actorCode = (kind: number, sub: number) => kind * 65536 + sub;
export const actorKindOf = (code: number) => Math.floor(code / 65536);
export const actorSubOf = (code: number) => code % 65536;

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
  /** kick-storm: BPF kicks at random (seeded) from every CPU until this many were issued; 0 = no storm. */
  stormKicks: number;
  /** The CPU the loader and the disable kthread run on. */
  helperCpu: number;
}

export interface Sink {
  emit(step: number, cpu: number, actorKind: number, fn: number, kind: number, obj: number, bytes: number, arg: number, line: number): void;
}

interface Loader {
  pc: number;
  cursor: number;
  /** free loop phase: 0 = next is replace, 1 = next is call_rcu/kvfree of `local` */
  phase: number;
  local: number;
  ret: number;
}

// ---- the machine --------------------------------------------------------------------------------------

export class Machine {
  readonly cfg: RunConfig;
  readonly script: Script;
  readonly n: number;
  step = 0;
  halted = false;
  haltReason = '';

  // per-CPU pointer table and allocations (struct of arrays, grown on demand)
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
  bypass = false;
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

  // step context
  sink: Sink | null = null;
  private curCpu = 0;
  private curKind = 0;

  /** A new machine for `cfg`, or (with `from`) a deep copy of `from` built by the constructor, so V8 keeps
   *  the copy's fast property layout (an Object.create/assign copy would not). */
  constructor(cfg: RunConfig, script: Script, from?: Machine) {
    this.cfg = cfg;
    this.script = script;
    if (from) {
      this.n = from.n;
      this.copyFrom(from);
      return;
    }
    const n = (this.n = cfg.cpus);
    this.slot = new Int32Array(n).fill(NONE);
    this.pnt = new Float64Array(n);
    this.taskState = new Uint8Array(n);
    this.needResched = new Uint8Array(n);
    this.masks = new Array(n);
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
    this.spinOn = new Array(n);
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
    this.copyFrom(src, true);
    return this;
  }

  private copyFrom(src: Machine, reuse = false): void {
    // Scalars first (same names as the fields), then every mutable structure copied.
    const m = this as Machine;
    const self = src;
    m.step = self.step;
    m.halted = self.halted;
    m.haltReason = self.haltReason;
    m.allocCount = self.allocCount;
    m.enableState = self.enableState;
    m.scxTasks = self.scxTasks;
    m.mutexOwner = self.mutexOwner;
    m.bypass = self.bypass;
    m.stormIssued = self.stormIssued;
    m.stormWakes = self.stormWakes;
    m.kvzallocCalls = self.kvzallocCalls;
    m.disablePc = self.disablePc;
    m.disableCursor = self.disableCursor;
    m.disablePhase = self.disablePhase;
    m.disableLocal = self.disableLocal;
    m.disableSyncGp = self.disableSyncGp;
    m.booted = self.booted;
    m.gpCompleted = self.gpCompleted;
    m.gpInProgress = self.gpInProgress;
    m.cbPending = self.cbPending;
    m.maxGpNeeded = self.maxGpNeeded;
    m.prWarnOnce = self.prWarnOnce;
    m.uafCount = self.uafCount;
    m.nullDeref = self.nullDeref;
    m.doubleFree = self.doubleFree;
    m.leakedArrays = self.leakedArrays;
    m.leakedBytes = self.leakedBytes;
    m.droppedKicks = self.droppedKicks;
    m.bootPanic = self.bootPanic;
    m.liveBytes = self.liveBytes;
    m.waitingBytes = self.waitingBytes;
    m.freedBytes = self.freedBytes;
    self.copyStructuresTo(m, reuse);
  }

  /**
   * Copy every mutable structure into `m`: fresh copies (a clone, whose structures do not exist yet), or
   * with `reuse` (restoreFrom) over `m`'s own arrays where the sizes match, so no O(N) memory is allocated.
   */
  private copyStructuresTo(m: Machine, reuse: boolean): void {
    const put = <T extends Int32Array | Uint8Array | Float64Array>(dst: T | undefined, src: T): T => {
      if (!reuse || !dst || dst.length !== src.length) return src.slice() as T;
      dst.set(src);
      return dst;
    };
    const putSet = (dst: IndexSet | undefined, src: IndexSet): IndexSet => {
      if (!reuse || !dst) return src.clone();
      dst.copyFrom(src);
      return dst;
    };
    m.slot = put(m.slot, this.slot);
    m.allocCpu = put(m.allocCpu, this.allocCpu);
    m.allocNode = put(m.allocNode, this.allocNode);
    m.allocState = put(m.allocState, this.allocState);
    m.allocRefs = put(m.allocRefs, this.allocRefs);
    m.allocRequest = put(m.allocRequest, this.allocRequest);
    m.allocConsumed = put(m.allocConsumed, this.allocConsumed);
    m.allocPath = put(m.allocPath, this.allocPath);
    m.allocFreedStep = put(m.allocFreedStep, this.allocFreedStep);
    m.allocAllocStep = put(m.allocAllocStep, this.allocAllocStep);
    m.writes = this.writes.slice();
    m.writesGen = put(m.writesGen, this.writesGen);
    // Both copies now treat every existing map as shared: the next write on either side copies it.
    this.gen++;
    m.gen = this.gen + 1;
    m.pnt = put(m.pnt, this.pnt);
    m.taskState = put(m.taskState, this.taskState);
    m.needResched = put(m.needResched, this.needResched);
    m.irqPending = put(m.irqPending, this.irqPending);
    m.irqPc = put(m.irqPc, this.irqPc);
    m.irqPtr = put(m.irqPtr, this.irqPtr);
    m.irqShouldWait = put(m.irqShouldWait, this.irqShouldWait);
    m.irqSpinTarget = put(m.irqSpinTarget, this.irqSpinTarget);
    m.irqSpinSeenPnt = put(m.irqSpinSeenPnt, this.irqSpinSeenPnt);
    m.irqSpinSeenFreed = put(m.irqSpinSeenFreed, this.irqSpinSeenFreed);
    m.stormKicksDone = put(m.stormKicksDone, this.stormKicksDone);
    m.kicksDone = put(m.kicksDone, this.kicksDone);
    m.wakesDone = put(m.wakesDone, this.wakesDone);
    m.qsOwed = put(m.qsOwed, this.qsOwed);
    // Per-CPU containers: copy the non-empty ones (an empty one and none mean the same).
    const copyMask = (x: Map<number, number> | undefined) => (x && x.size ? new Map(x) : undefined);
    const copySpin = (x: number[] | undefined) => (x && x.length ? x.slice() : undefined);
    if (reuse) {
      for (let c = 0; c < this.n; c++) {
        m.masks[c] = copyMask(this.masks[c]);
        const q = this.cbq[c];
        if (q.length) m.cbq[c] = q.slice();
        else if (m.cbq[c].length) m.cbq[c] = []; // keep this machine's own empty queue
        m.spinOn[c] = copySpin(this.spinOn[c]);
      }
    } else {
      m.masks = this.masks.map(copyMask);
      m.cbq = this.cbq.map((q) => (q.length ? q.slice() : []));
      m.spinOn = this.spinOn.map(copySpin);
    }
    m.loaders = this.loaders.map((l) => ({ ...l }));
    m.owed = putSet(m.owed, this.owed);
    m.cbCpus = putSet(m.cbCpus, this.cbCpus);
    m.irqActive = putSet(m.irqActive, this.irqActive);
    m.spinners = putSet(m.spinners, this.spinners);
    m.reschedSet = putSet(m.reschedSet, this.reschedSet);
    m.blocked = putSet(m.blocked, this.blocked);
    m.warnOnce = new Set(this.warnOnce);
    m.warnings = this.warnings.slice();
    m.enableErrors = this.enableErrors.slice();
    m.sink = null;
  }

  // ---- helpers ----------------------------------------------------------------------------------------

  private emit(fn: number, kind: number, obj = NONE, bytes = 0, arg = NONE, label?: string): void {
    if (!this.sink) return;
    const line = label === undefined ? -1 : lineOf(KERNEL_FNS[fn], label);
    this.sink.emit(this.step, this.curCpu, this.curKind, fn, kind, obj, bytes, arg, line);
  }

  /** The class the CPU's current task runs in. */
  cls(c: number): number {
    if (this.taskState[c] !== TASK_RUNNING) return CLS_IDLE;
    return this.scxTasks ? CLS_SCX : CLS_FAIR;
  }

  private warnOnceAt(site: string, text: string): void {
    if (this.warnOnce.has(site)) return;
    this.warnOnce.add(site);
    this.warnings.push(text);
  }

  private newAlloc(cpu: number, request: number, consumed: number, path: number, state: number): number {
    const id = this.allocCount++;
    if (id >= this.allocCpu.length) this.growAllocs(Math.max(16, id * 2));
    this.allocCpu[id] = cpu;
    this.allocNode[id] = cpuToNode(cpu, this.n, this.cfg.nodes);
    this.allocState[id] = state;
    this.allocRefs[id] = 0;
    this.allocRequest[id] = request;
    this.allocConsumed[id] = consumed;
    this.allocPath[id] = path;
    this.allocFreedStep[id] = NONE;
    this.allocAllocStep[id] = this.step;
    this.writes[id] = undefined;
    this.liveBytes += consumed;
    return id;
  }

  private growAllocs(cap: number): void {
    const g = <T extends GrowableArray>(a: T): T => grown(a, cap);
    this.allocCpu = g(this.allocCpu);
    this.allocNode = g(this.allocNode);
    this.allocState = g(this.allocState);
    this.allocRefs = g(this.allocRefs);
    this.allocRequest = g(this.allocRequest);
    this.allocConsumed = g(this.allocConsumed);
    this.allocPath = g(this.allocPath);
    this.allocFreedStep = g(this.allocFreedStep);
    this.allocAllocStep = g(this.allocAllocStep);
    this.writesGen = g(this.writesGen);
  }

  private setAllocState(id: number, s: number): void {
    const old = this.allocState[id];
    if (old === s) return;
    const b = this.allocConsumed[id];
    if (old === AL_LIVE || old === AL_UNPUBLISHED || old === AL_PERCPU) this.liveBytes -= b;
    else if (old === AL_WAITING) this.waitingBytes -= b;
    else if (old === AL_LEAKED) this.leakedBytes -= b;
    else if (old === AL_FREED) this.freedBytes -= b;
    this.allocState[id] = s;
    if (s === AL_LIVE || s === AL_UNPUBLISHED || s === AL_PERCPU) this.liveBytes += b;
    else if (s === AL_WAITING) this.waitingBytes += b;
    else if (s === AL_LEAKED) this.leakedBytes += b;
    else if (s === AL_FREED) this.freedBytes += b;
  }

  private ref(id: number): void {
    if (id >= 0) this.allocRefs[id]++;
  }

  /** Drop one reference; when none is left and the array was never freed, kmemleak would report it. */
  private unref(id: number, fn: number): void {
    if (id < 0) return;
    if (--this.allocRefs[id] > 0) return;
    const s = this.allocState[id];
    if (s === AL_FREED || s === AL_PERCPU) return;
    this.setAllocState(id, AL_LEAKED);
    this.leakedArrays++;
    this.emit(fn, K.leak, id, this.allocConsumed[id], this.allocCpu[id]);
  }

  private writeEntry(id: number, target: number, value: number): void {
    let w = this.writes[id];
    if (!w) {
      w = new Map();
      this.writes[id] = w;
      this.writesGen[id] = this.gen;
    } else if (this.writesGen[id] !== this.gen) {
      w = new Map(w);
      this.writes[id] = w;
      this.writesGen[id] = this.gen;
    }
    w.set(target, value);
  }

  /** An access to pseqs[target] through pointer `id` (NONE = NULL). Returns false when the CPU oopses. */
  private access(fn: number, id: number, target: number, label: string): boolean {
    if (id === NONE) {
      this.nullDeref = true;
      this.emit(fn, K['null-deref'], NONE, 0, target, label);
      this.halt('Oops: NULL pointer dereference in hardirq context: Fatal exception in interrupt');
      return false;
    }
    if (this.allocState[id] === AL_FREED) {
      this.uafCount++;
      this.emit(fn, K.uaf, id, 8, target, label);
    }
    return true;
  }

  private halt(reason: string): void {
    this.halted = true;
    this.haltReason = reason;
  }

  private setResched(c: number): void {
    if (!this.needResched[c]) {
      this.needResched[c] = 1;
      this.reschedSet.add(c);
    }
  }

  private bumpPnt(c: number): void {
    this.pnt[c]++;
    this.emit(F.__schedule, K['pnt-bump'], NONE, 0, this.pnt[c]);
    // The spinners waiting on c can now make progress.
    const w = this.spinOn[c];
    if (w && w.length) {
      for (const k of w) this.unblockSpinner(k);
      this.spinOn[c] = undefined;
    }
  }

  private unblockSpinner(k: number): void {
    if (!this.spinners.has(k)) return;
    this.spinners.remove(k);
    this.irqActive.add(k);
  }

  private blockSpinner(k: number, target: number): void {
    this.irqActive.remove(k);
    this.spinners.add(k);
    const w = this.spinOn[target];
    if (w) w.push(k);
    else this.spinOn[target] = [k];
  }

  private requestGp(): number {
    // A callback or synchronize_rcu() needs a grace period that starts after now.
    const need = this.gpInProgress ? this.gpCompleted + 2 : this.gpCompleted + 1;
    if (need > this.maxGpNeeded) this.maxGpNeeded = need;
    return need;
  }

  private reportQs(c: number, fn: number): void {
    if (!this.qsOwed[c]) return;
    this.qsOwed[c] = 0;
    this.owed.remove(c);
    this.emit(fn, K.qs, NONE, 0, this.gpCompleted + 1);
  }

  private inReader(c: number): boolean {
    return this.irqPc[c] !== IRQ_IDLE;
  }

  // ---- enabled actors ---------------------------------------------------------------------------------

  /** Whether an actor can take a step now (O(1)). */
  isEnabled(code: number): boolean {
    if (this.halted) return false;
    const kind = actorKindOf(code);
    const c = actorSubOf(code);
    switch (kind) {
      case A.boot:
        return !this.booted;
      case A.enable:
        return this.booted && c < this.loaders.length && this.loaderEnabled(c);
      case A.disable:
        return this.booted && this.disableEnabled();
      case A.bpf:
        return this.booted && c < this.n && this.bpfEnabled(c);
      case A.irq:
        return c < this.n && this.irqEnabled(c);
      case A.sched:
        return c < this.n && !this.inReader(c) && (this.needResched[c] === 1 || this.canSleep(c));
      case A.wake:
        return this.booted && c < this.n && this.wakeEnabled(c);
      case A.qs:
        return c < this.n && this.qsOwed[c] === 1 && !this.inReader(c);
      case A.cb:
        return c < this.n && this.cbReady(c);
      case A.gp:
        return this.gpEnabled();
      default:
        return false;
    }
  }

  private loaderEnabled(i: number): boolean {
    const l = this.loaders[i];
    if (l.pc === L_DONE) return false;
    if (l.pc === L_START) {
      const g = this.script.loaders[i].guard;
      if (g && !g(this)) return false;
      return this.mutexOwner === NONE && !this.inReader(this.script.helperCpu);
    }
    return !this.inReader(this.script.helperCpu);
  }

  private disableEnabled(): boolean {
    if (this.disablePc === D_DONE || !this.script.disableGuard) return false;
    if (this.inReader(this.script.helperCpu)) return false;
    switch (this.disablePc) {
      case D_START:
        return this.script.disableGuard(this);
      case D_LOCK:
        return this.mutexOwner === NONE;
      case D_SYNC_WAIT:
        return this.gpCompleted >= this.disableSyncGp;
      default:
        return true;
    }
  }

  private bpfEnabled(c: number): boolean {
    // scx_bpf_kick_cpu() does nothing without an attached scheduler (scx_root), and runs in task context.
    if (this.inReader(c) || this.enableState === ST_DISABLED) return false;
    if (this.script.stormKicks > 0) {
      return this.stormIssued < this.script.stormKicks && this.enableState === ST_ENABLED;
    }
    const ops = this.script.kicks.get(c);
    if (!ops) return false;
    const k = this.kicksDone[c];
    if (k >= ops.length) return false;
    const g = ops[k].guard;
    return !g || g(this);
  }

  /** kick-storm: a running SCX task may also go to sleep on its own (a context switch nobody asked for). */
  canSleep(c: number): boolean {
    return this.script.stormKicks > 0 && this.enableState === ST_ENABLED && this.cls(c) === CLS_SCX;
  }

  private wakeEnabled(c: number): boolean {
    // The storm's wake-ups share its budget, so that sleeping and waking cannot go on for ever.
    if (this.script.stormKicks > 0) return this.taskState[c] === TASK_BLOCKED && this.enableState === ST_ENABLED && this.stormWakes < this.script.stormKicks;
    const ops = this.script.wakes.get(c);
    if (!ops) return false;
    const k = this.wakesDone[c];
    if (k >= ops.length) return false;
    const g = ops[k].guard;
    return !g || g(this);
  }

  private irqEnabled(c: number): boolean {
    const pc = this.irqPc[c];
    if (pc === IRQ_IDLE) return this.irqPending[c] === 1;
    if (pc === IRQ_WAIT && this.irqSpinTarget[c] !== NONE) return this.spinCanProgress(c);
    return true;
  }

  /** A re-read in the SCX_KICK_WAIT loop is a step only when it could see something new. */
  private spinCanProgress(c: number): boolean {
    const t = this.irqSpinTarget[c];
    if (this.irqSpinSeenPnt[c] !== this.pnt[t]) return true;
    const id = this.irqPtr[c];
    return id >= 0 && (this.allocState[id] === AL_FREED ? 1 : 0) !== this.irqSpinSeenFreed[c];
  }

  private cbReady(c: number): boolean {
    const q = this.cbq[c];
    return q.length > 0 && q[1] <= this.gpCompleted;
  }

  private gpEnabled(): boolean {
    if (this.gpInProgress) return this.owed.size === 0;
    return this.maxGpNeeded > this.gpCompleted;
  }

  /** Every enabled actor, in a fixed order (O(N); for small machines, the UI and exhaustive search). */
  enabledActors(limit = Infinity): number[] {
    const out: number[] = [];
    if (this.halted) return out;
    const push = (code: number) => {
      if (out.length < limit && this.isEnabled(code)) out.push(code);
    };
    push(actorCode(A.boot, 0));
    for (let i = 0; i < this.loaders.length; i++) push(actorCode(A.enable, i));
    push(actorCode(A.disable, 0));
    for (let c = 0; c < this.n && out.length < limit; c++) {
      push(actorCode(A.bpf, c));
      push(actorCode(A.irq, c));
      push(actorCode(A.sched, c));
      push(actorCode(A.wake, c));
    }
    push(actorCode(A.gp, 0));
    for (let c = 0; c < this.n && out.length < limit; c++) {
      push(actorCode(A.qs, c));
      push(actorCode(A.cb, c));
    }
    return out;
  }

  // ---- stepping -----------------------------------------------------------------------------------------

  /** Take one step of `code` (which must be enabled). */
  apply(code: number): void {
    const kind = actorKindOf(code);
    const c = actorSubOf(code);
    this.curKind = kind;
    switch (kind) {
      case A.boot:
        this.curCpu = 0;
        this.stepBoot();
        break;
      case A.enable:
        this.curCpu = this.script.helperCpu;
        this.stepLoader(c);
        break;
      case A.disable:
        this.curCpu = this.script.helperCpu;
        this.stepDisable();
        break;
      case A.bpf:
        this.curCpu = c;
        this.stepBpf(c);
        break;
      case A.irq:
        this.curCpu = c;
        this.stepIrq(c);
        break;
      case A.sched:
        this.curCpu = c;
        this.stepSched(c);
        break;
      case A.wake:
        this.curCpu = c;
        this.stepWake(c);
        break;
      case A.qs:
        this.curCpu = c;
        this.reportQs(c, F.rcu_note_context_switch);
        break;
      case A.cb:
        this.curCpu = c;
        this.stepCb(c);
        break;
      case A.gp:
        this.curCpu = 0;
        this.stepGp();
        break;
    }
    this.step++;
  }

  // init_sched_ext_class()
  private stepBoot(): void {
    const fn = F.init_sched_ext_class;
    this.booted = true;
    for (let c = 0; c < this.n; c++) this.taskState[c] = TASK_RUNNING;
    this.emit(fn, K.boot, NONE, 0, this.n, 'start');
    if (this.cfg.toggles.lazyAlloc) {
      this.emit(fn, K.boot, NONE, 0, NONE, 'lazy');
      return;
    }
    const size = 8 * this.n;
    if (size > percpuUnitLimit(this.cfg.pageSize)) {
      this.emit(fn, K['percpu-fail'], NONE, size, size, 'percpu');
      this.warnings.push(`illegal size (${size}) or align (8) for percpu allocation`);
      this.bootPanic = true;
      this.emit(fn, K.panic, NONE, 0, NONE, 'bug');
      this.halt('kernel BUG in init_sched_ext_class(): BUG_ON(!scx_kick_cpus_pnt_seqs)');
      return;
    }
    for (let c = 0; c < this.n; c++) {
      const id = this.newAlloc(c, size, size, 3, AL_PERCPU);
      this.slot[c] = id;
      this.ref(id);
      this.emit(fn, K['percpu-alloc'], id, size, c, 'percpu');
    }
  }

  // scx_enable() with alloc_kick_pseqs() and its error path
  private stepLoader(i: number): void {
    const l = this.loaders[i];
    const fn = F.scx_enable;
    const t = this.cfg.toggles;
    switch (l.pc) {
      case L_START:
        this.mutexOwner = actorCode(A.enable, i);
        this.emit(fn, K['mutex-lock'], NONE, 0, i, 'lock');
        l.pc = t.lazyAlloc && !t.allocAfterStateCheck ? L_ALLOC : L_CHECK;
        l.cursor = 0;
        return;
      case L_ALLOC:
        this.stepAllocOne(l);
        return;
      case L_CHECK: {
        const st = this.enableState;
        this.emit(fn, K['state-check'], NONE, 0, st, 'check');
        if (st !== ST_DISABLED) {
          l.ret = -16;
          if (t.lazyAlloc && !t.allocAfterStateCheck) {
            l.pc = L_ERRFREE;
            l.cursor = 0;
            l.phase = 0;
          } else l.pc = L_UNLOCK;
          return;
        }
        if (t.lazyAlloc && t.allocAfterStateCheck) {
          l.pc = L_ALLOC;
          l.cursor = 0;
        } else l.pc = L_ENABLING;
        return;
      }
      case L_ERRFREE:
        if (this.stepFreeOne(l, F.free_kick_pseqs)) l.pc = L_UNLOCK;
        return;
      case L_ENABLING: {
        const old = this.enableState;
        this.enableState = ST_ENABLING;
        this.emit(fn, K['set-state'], NONE, 0, ST_ENABLING, 'enabling');
        if (old !== ST_DISABLED) this.warnOnceAt('scx_enable', 'WARNING: scx_enable: enable state was not DISABLED');
        l.pc = L_SWITCHIN;
        return;
      }
      case L_SWITCHIN:
        this.scxTasks = true;
        this.emit(fn, K['switch-in'], NONE, 0, NONE, 'switch-in');
        l.pc = L_ENABLED;
        return;
      case L_ENABLED:
        this.enableState = ST_ENABLED;
        this.emit(fn, K['set-state'], NONE, 0, ST_ENABLED, 'enabled');
        l.pc = L_UNLOCK;
        return;
      case L_UNLOCK:
        this.mutexOwner = NONE;
        this.emit(fn, K['mutex-unlock'], NONE, 0, i, 'unlock');
        this.emit(fn, K['enable-return'], NONE, 0, l.ret, 'unlock');
        this.enableErrors.push(l.ret);
        l.pc = L_DONE;
        return;
    }
  }

  /** alloc_kick_pseqs(), one CPU: WARN_ON_ONCE on a non-NULL slot, kvzalloc_node(), rcu_assign_pointer(). */
  private stepAllocOne(l: Loader): void {
    const fn = F.alloc_kick_pseqs;
    const c = l.cursor;
    const old = this.slot[c];
    if (old !== NONE) {
      this.emit(fn, K.warn, old, 0, c, 'warn');
      this.warnOnceAt('alloc_kick_pseqs', `WARNING: CPU: ${this.curCpu} at alloc_kick_pseqs: WARN_ON_ONCE(rcu_access_pointer(*pseqs))`);
    }
    if (this.kvzallocCalls++ === this.cfg.failAllocAt) {
      this.emit(fn, K['alloc-fail'], NONE, requestBytes(this.n), c, 'enomem');
      l.ret = -12;
      l.pc = L_ERRFREE;
      l.cursor = 0;
      l.phase = 0;
      return;
    }
    const s = requestBytes(this.n);
    let consumed: number;
    let path: number;
    const vm = vmallocCost(s, this.cfg.pageSize);
    if (vm && this.cfg.kvmallocPath === 'vmalloc') {
      consumed = vm.bytes;
      path = 2;
    } else {
      const km = kmallocCost(s, this.cfg.pageSize);
      consumed = km.bytes;
      path = km.path === 'slab' ? 0 : 1;
    }
    const id = this.newAlloc(c, s, consumed, path, AL_LIVE);
    this.emit(fn, K.alloc, id, consumed, c, 'alloc');
    this.slot[c] = id;
    this.ref(id);
    this.emit(fn, K.assign, id, 0, c, 'assign');
    if (old !== NONE) this.unref(old, fn);
    if (++l.cursor >= this.n) {
      l.pc = this.cfg.toggles.allocAfterStateCheck ? L_ENABLING : L_CHECK;
      l.cursor = 0;
    }
  }

  /**
   * free_kick_pseqs(), one step: rcu_replace_pointer(slot[c], NULL), then (next step) call_rcu() or kvfree().
   * Returns true when the loop is over.
   */
  private stepFreeOne(st: { cursor: number; phase: number; local: number }, fn: number): boolean {
    const c = st.cursor;
    if (st.phase === 0) {
      const old = this.slot[c];
      this.slot[c] = NONE;
      this.emit(fn, K.replace, old, 0, c, 'replace');
      if (old !== NONE) {
        // The slot's reference moves to the local variable.
        if (this.allocState[old] === AL_LIVE) this.setAllocState(old, AL_UNPUBLISHED);
        st.local = old;
        st.phase = 1;
        return false;
      }
    } else {
      const id = st.local;
      st.local = NONE;
      st.phase = 0;
      if (this.cfg.toggles.rcuFree) {
        const need = this.requestGp();
        this.cbq[this.curCpu].push(id, need);
        this.cbCpus.add(this.curCpu);
        this.cbPending++;
        if (this.allocState[id] !== AL_FREED) this.setAllocState(id, AL_WAITING);
        this.emit(fn, K['call-rcu'], id, this.allocConsumed[id], need, 'call-rcu');
      } else {
        this.freeNow(id, fn, 'kvfree');
        this.unrefQuiet(id);
      }
    }
    if (++st.cursor >= this.n) return true;
    return false;
  }

  private unrefQuiet(id: number): void {
    if (id >= 0) this.allocRefs[id]--;
  }

  /** kvfree(): double free and leak accounting, and any spinner reading this array may now see freed memory. */
  private freeNow(id: number, fn: number, label: string): void {
    if (this.allocState[id] === AL_FREED) {
      this.doubleFree++;
      this.emit(fn, K['double-free'], id, this.allocConsumed[id], NONE, label);
      return;
    }
    if (this.allocState[id] === AL_LEAKED) {
      this.leakedArrays--;
    }
    this.setAllocState(id, AL_FREED);
    this.allocFreedStep[id] = this.step;
    this.emit(fn, K.free, id, this.allocConsumed[id], this.allocCpu[id], label);
    // Only the owner CPU's irq work can hold this array (it loads its own slot).
    const owner = this.allocCpu[id];
    if (this.irqPtr[owner] === id && this.spinners.has(owner)) this.unblockSpinner(owner);
  }

  // scx_disable_workfn()
  private stepDisable(): void {
    const fn = F.scx_disable_workfn;
    switch (this.disablePc) {
      case D_START:
        this.bypass = true;
        this.emit(fn, K.bypass, NONE, 0, 1, 'bypass');
        this.disablePc = D_DISABLING;
        return;
      case D_DISABLING: {
        const old = this.enableState;
        this.enableState = ST_DISABLING;
        this.emit(fn, K['set-state'], NONE, 0, ST_DISABLING, 'disabling');
        this.disablePc = old === ST_DISABLED ? D_UNBYPASS : D_LOCK;
        return;
      }
      case D_LOCK:
        this.mutexOwner = actorCode(A.disable, 0);
        this.emit(fn, K['mutex-lock'], NONE, 0, NONE, 'lock');
        this.disablePc = D_SWITCHOUT;
        return;
      case D_SWITCHOUT: {
        const a379 = this.cfg.pntRule === 'a379fa1e2cae';
        this.emit(fn, K['switch-out'], NONE, 0, NONE, 'switch-out');
        if (a379) {
          // put_prev_task_scx() runs for every CPU whose current task leaves SCX, and bumps pnt_seq there.
          for (let c = 0; c < this.n; c++) if (this.cls(c) === CLS_SCX) this.bumpPntOn(c);
        }
        this.scxTasks = false;
        this.disablePc = D_SYNC;
        return;
      }
      case D_SYNC:
        this.disableSyncGp = this.requestGp();
        this.emit(F.synchronize_rcu, K['sync-call'], NONE, 0, this.disableSyncGp, 'call');
        this.disablePc = D_SYNC_WAIT;
        return;
      case D_SYNC_WAIT:
        this.emit(F.synchronize_rcu, K['sync-return'], NONE, 0, this.disableSyncGp, 'return');
        this.disablePc = this.cfg.toggles.lazyAlloc ? D_FREE : D_UNLOCK;
        this.disableCursor = 0;
        this.disablePhase = 0;
        return;
      case D_FREE: {
        const st = { cursor: this.disableCursor, phase: this.disablePhase, local: this.disableLocal };
        const done = this.stepFreeOne(st, F.free_kick_pseqs);
        this.disableCursor = st.cursor;
        this.disablePhase = st.phase;
        this.disableLocal = st.local;
        if (done) this.disablePc = D_UNLOCK;
        return;
      }
      case D_UNLOCK:
        this.mutexOwner = NONE;
        this.emit(fn, K['mutex-unlock'], NONE, 0, NONE, 'unlock');
        this.disablePc = D_DISABLED;
        return;
      case D_DISABLED: {
        const old = this.enableState;
        this.enableState = ST_DISABLED;
        this.emit(fn, K['set-state'], NONE, 0, ST_DISABLED, 'disabled');
        if (old !== ST_DISABLING) this.warnOnceAt('scx_disable_workfn', 'WARNING: scx_disable_workfn: state was not DISABLING');
        this.disablePc = D_UNBYPASS;
        return;
      }
      case D_UNBYPASS:
        this.bypass = false;
        this.emit(fn, K.bypass, NONE, 0, 0, 'done');
        this.disablePc = D_DONE;
        return;
    }
  }

  private bumpPntOn(c: number): void {
    const save = this.curCpu;
    this.curCpu = c;
    this.bumpPnt(c);
    this.curCpu = save;
  }

  // scx_bpf_kick_cpu() → scx_kick_cpu()
  private stepBpf(c: number): void {
    const fn = F.scx_bpf_kick_cpu;
    let target: number;
    let flags: number;
    if (this.script.stormKicks > 0) {
      const k = this.stormKicksDone[c]++;
      this.stormIssued++;
      const h = hash32(this.cfg.seed, c, k);
      target = h % this.n;
      flags = [KICK_IF_IDLE, KICK_PREEMPT, KICK_WAIT, KICK_PREEMPT | KICK_WAIT, 0][(h >>> 20) % 5];
      // The storm's BPF scheduler waits only on higher-numbered CPUs (a lock order), so no two CPUs ever
      // wait on each other with IRQs off: a cycle would hang on any kernel, whatever the pnt_seq rule.
      if (flags & KICK_WAIT && target <= c) flags &= ~KICK_WAIT;
    } else {
      const op = this.script.kicks.get(c)![this.kicksDone[c]];
      target = op.target;
      flags = op.flags;
    }
    this.kicksDone[c]++;
    if (this.bypass) {
      this.emit(fn, K['kick-bypassed'], NONE, 0, target, 'bypass');
      return;
    }
    this.emit(fn, K.kick, NONE, flags, target, flags & KICK_IF_IDLE ? 'idle' : 'bits');
    let bits: number;
    if (flags & KICK_IF_IDLE) {
      // Trylock of the target rq; can_skip_idle_kick(): skip when the target is not idle.
      if (this.cls(target) !== CLS_IDLE) return;
      bits = KICK_IF_IDLE;
    } else {
      bits = KICK | (flags & KICK_PREEMPT ? KICK_PREEMPT : 0) | (flags & KICK_WAIT ? KICK_WAIT : 0);
    }
    let mask = this.masks[c];
    if (!mask) mask = this.masks[c] = new Map();
    mask.set(target, (mask.get(target) ?? 0) | bits);
    if (!this.irqPending[c]) {
      this.irqPending[c] = 1;
      if (this.irqPc[c] === IRQ_IDLE) this.irqActive.add(c);
      this.emit(fn, K['irq-queue'], NONE, 0, c, 'queue');
    }
  }

  private lowestWith(mask: Map<number, number> | undefined, bit: number): number {
    if (!mask) return NONE;
    let best = NONE;
    for (const [t, b] of mask) if (b & bit && (best === NONE || t < best)) best = t;
    return best;
  }

  private clearBits(c: number, t: number, bits: number): void {
    const mask = this.masks[c];
    if (!mask) return;
    const v = (mask.get(t) ?? 0) & ~bits;
    if (v) mask.set(t, v);
    else mask.delete(t);
  }

  // kick_cpus_irq_workfn() and what it calls
  private stepIrq(c: number): void {
    const fn = F.kick_cpus_irq_workfn;
    const t = this.cfg.toggles;
    switch (this.irqPc[c]) {
      case IRQ_IDLE:
        this.irqPending[c] = 0;
        this.irqPc[c] = IRQ_LOAD;
        this.irqShouldWait[c] = 0;
        this.emit(fn, K['irq-enter'], NONE, 0, NONE, 'enter');
        return;
      case IRQ_LOAD: {
        const id = this.slot[c];
        this.irqPtr[c] = id;
        this.ref(id);
        this.emit(fn, K['slot-load'], id, 0, c, t.lazyAlloc ? 'load' : 'load-percpu');
        if (id === NONE && t.nullCheck) {
          let dropped = 0;
          const mask = this.masks[c];
          if (mask) dropped = mask.size;
          this.droppedKicks += dropped;
          if (!this.prWarnOnce) {
            this.prWarnOnce = true;
            this.warnings.push('kick_cpus_irq_workfn() called with NULL scx_kick_pseqs');
          }
          this.emit(fn, K['null-return'], NONE, 0, dropped, 'null');
          this.irqPc[c] = IRQ_LEAVE;
          return;
        }
        this.irqPc[c] = IRQ_KICK;
        return;
      }
      case IRQ_KICK: {
        const target = this.lowestWith(this.masks[c], KICK);
        if (target === NONE) {
          this.irqPc[c] = IRQ_IDLEKICK;
          this.stepIrqIdle(c);
          return;
        }
        this.kickOneCpu(c, target);
        return;
      }
      case IRQ_IDLEKICK:
        this.stepIrqIdle(c);
        return;
      case IRQ_WAIT:
        this.stepIrqWait(c);
        return;
      case IRQ_LEAVE:
        this.leaveIrq(c);
        return;
    }
  }

  private leaveIrq(c: number): void {
    const id = this.irqPtr[c];
    this.irqPc[c] = IRQ_IDLE;
    this.irqPtr[c] = NONE;
    this.irqSpinTarget[c] = NONE;
    this.emit(F.kick_cpus_irq_workfn, K['irq-leave'], id, 0, NONE, 'leave');
    if (!this.irqPending[c]) this.irqActive.remove(c);
    this.unref(id, F.kick_cpus_irq_workfn);
  }

  // kick_one_cpu(): the snapshot of the target's pnt_seq is a write into this CPU's array.
  private kickOneCpu(c: number, target: number): void {
    const fn = F.kick_one_cpu;
    const bits = this.masks[c]!.get(target)!;
    const a379 = this.cfg.pntRule === 'a379fa1e2cae';
    const cur = this.cls(target);
    this.emit(fn, K['kick-one'], this.irqPtr[c], 0, target, 'lock');
    if (a379 && cur === CLS_FAIR) {
      this.clearBits(c, target, KICK | KICK_IF_IDLE | KICK_PREEMPT | KICK_WAIT);
      this.emit(fn, K['kick-skip'], NONE, 0, target, 'higher');
      return;
    }
    if (bits & KICK_PREEMPT) this.clearBits(c, target, KICK_PREEMPT);
    if (bits & KICK_WAIT) {
      if (!a379 || cur === CLS_SCX) {
        const id = this.irqPtr[c];
        if (!this.access(fn, id, target, a379 ? 'snap-scx' : 'snap')) return;
        this.writeEntry(id, target, this.pnt[target]);
        this.irqShouldWait[c] = 1;
        this.emit(fn, K.snapshot, id, 8, target, a379 ? 'snap-scx' : 'snap');
      } else {
        this.clearBits(c, target, KICK_WAIT);
      }
    }
    this.setResched(target);
    this.emit(fn, K['kick-one'], NONE, 0, target, 'resched');
    this.clearBits(c, target, KICK | KICK_IF_IDLE);
  }

  private stepIrqIdle(c: number): void {
    const target = this.lowestWith(this.masks[c], KICK_IF_IDLE);
    if (target === NONE) {
      this.irqPc[c] = IRQ_WAIT;
      this.irqSpinTarget[c] = NONE;
      if (!this.irqShouldWait[c]) {
        this.emit(F.kick_cpus_irq_workfn, K['spin-done'], NONE, 0, NONE, 'no-wait');
        this.leaveIrq(c);
      } else this.stepIrqWait(c);
      return;
    }
    // kick_one_cpu_if_idle(): resched only an idle target.
    if (this.cls(target) === CLS_IDLE) this.setResched(target);
    this.emit(F.kick_one_cpu_if_idle, K['kick-idle'], NONE, this.cls(target) === CLS_IDLE ? 1 : 0, target, 'check');
    this.clearBits(c, target, KICK_IF_IDLE);
  }

  // The SCX_KICK_WAIT loop: spin until the target's pnt_seq differs from the snapshot in pseqs[target].
  private stepIrqWait(c: number): void {
    const fn = F.kick_cpus_irq_workfn;
    let t = this.irqSpinTarget[c];
    if (t === NONE) {
      // Next wait target (ascending); waiting on self is skipped.
      for (;;) {
        t = this.lowestWith(this.masks[c], KICK_WAIT);
        if (t === NONE) {
          this.leaveIrq(c);
          return;
        }
        if (t !== c) break;
        this.clearBits(c, t, KICK_WAIT);
      }
      this.irqSpinTarget[c] = t;
      this.irqSpinSeenPnt[c] = -1;
      this.irqSpinSeenFreed[c] = 0;
    }
    const id = this.irqPtr[c];
    if (!this.access(fn, id, t, 'spin')) return;
    const snap = this.writes[id]?.get(t) ?? 0;
    const now = this.pnt[t];
    this.irqSpinSeenPnt[c] = now;
    this.irqSpinSeenFreed[c] = this.allocState[id] === AL_FREED ? 1 : 0;
    if (now !== snap) {
      this.emit(fn, K['spin-done'], id, 0, t, 'spin');
      this.clearBits(c, t, KICK_WAIT);
      this.irqSpinTarget[c] = NONE;
      this.unblockSpinner(c);
      return;
    }
    this.emit(fn, K.spin, id, 0, t, 'spin');
    // Nothing can change what the next read sees until pnt_seq moves or the array is freed.
    this.blockSpinner(c, t);
  }

  // __schedule() on CPU c: a context switch (a quiescent state), which may bump pnt_seq.
  private stepSched(c: number): void {
    const fn = F.__schedule;
    this.needResched[c] = 0;
    this.reschedSet.remove(c);
    this.reportQs(c, F.__schedule);
    const prev = this.cls(c);
    const ts = this.taskState[c];
    // The CPU's one task: an SCX task asked to reschedule blocks (SCX → idle); a woken task runs.
    let nextTs = ts;
    if (ts === TASK_RUNNING && prev === CLS_SCX) nextTs = TASK_BLOCKED;
    else if (ts === TASK_RUNNABLE) nextTs = TASK_RUNNING;
    this.taskState[c] = nextTs;
    if (nextTs === TASK_BLOCKED) this.blocked.add(c);
    const next = this.cls(c);
    this.emit(fn, K['ctx-switch'], NONE, prev, next, 'switch');
    if (this.cfg.pntRule === '6.17') {
      if (prev === CLS_SCX && next !== CLS_SCX) this.bumpPnt(c);
    } else {
      if (prev === CLS_SCX) this.bumpPnt(c);
      if (this.scxTasks && next !== CLS_FAIR) this.bumpPnt(c);
    }
  }

  // try_to_wake_up() of CPU c's task
  private stepWake(c: number): void {
    this.wakesDone[c]++;
    if (this.script.stormKicks > 0) this.stormWakes++;
    if (this.taskState[c] === TASK_BLOCKED) {
      this.taskState[c] = TASK_RUNNABLE;
      this.blocked.remove(c);
    }
    this.emit(F.try_to_wake_up, K.wake, NONE, 0, c, 'wake');
    this.setResched(c);
  }

  // rcu_do_batch(): invoke one ready callback on this CPU: kvfree(array)
  private stepCb(c: number): void {
    const q = this.cbq[c];
    const id = q[0];
    q.splice(0, 2);
    if (!q.length) this.cbCpus.remove(c);
    this.cbPending--;
    this.emit(F.rcu_do_batch, K['cb-invoke'], id, 0, NONE, 'invoke');
    this.freeNow(id, F.rcu_do_batch, 'invoke');
    this.unrefQuiet(id);
  }

  // The grace-period kthread: start a grace period (every CPU owes a QS) or end one.
  private stepGp(): void {
    const fn = F.rcu_gp_kthread;
    if (!this.gpInProgress) {
      this.gpInProgress = true;
      for (let c = 0; c < this.n; c++) {
        this.qsOwed[c] = 1;
        this.owed.add(c);
      }
      this.emit(fn, K['gp-start'], NONE, 0, this.gpCompleted + 1, 'start');
      return;
    }
    this.gpInProgress = false;
    this.gpCompleted++;
    this.emit(fn, K['gp-end'], NONE, 0, this.gpCompleted, 'end');
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
