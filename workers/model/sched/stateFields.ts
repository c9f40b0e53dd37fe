// The one description of the machine state the exhaustive search keys and stores (stateKey.ts). The same
// functions below both encode a machine into its packed vector and decode a vector back into a machine:
// each line reads `field = k.kind(field)`, which in encode mode appends the field's canonical value and
// gives the field back unchanged, and in decode mode gives the next value of the vector (assigned to the
// field). So a field is described once, and both directions follow.
//
// How to add a machine field (also when merging a branch that adds one):
// - It changes what the machine can do next: one line in the function of its scope, in the kernel path's
//   block: globalFields (one value per machine), cpuIntColumns (a per-CPU integer: its column), cpuFields (any other per-CPU field:
//   `m.f[c] = k.ref(m.f[c])`), allocFields
//   (per live array). Pick the kind by what the value means:
//     k.int(v)        a small integer (a program counter, a count, a CPU, an enum); a per-CPU one is a
//                     column of cpuIntColumns() instead;
//     k.flag(b)       a boolean;
//     k.ref(id)       an allocation id (NONE: a NULL pointer): renamed canonically, ids are only names;
//     k.gp(n)         a grace-period number: stored relative to the completed count (only differences matter);
//     k.capped(v, c)  an integer that only matters up to c;
//     k.map(x)        a Map of small integers to small integers (CPU → bits); none and empty are one;
//     k.ownMap(x)     the same, for a map that machine/copy.ts copies (no other machine shares it);
//     k.count(n)      the length of what follows (a list): decode gives the length, then read each element.
//   A field of something the machine holds a list of (the loaders, a per-CPU queue): loop over it the same
//   way in both modes, as cpuFields does with cbq.
// - It is an index derived from described fields (owed from qsOwed, blocked from taskState): rebuild it in
//   rebuildDerived(), which runs after every decode.
// - It never changes the future (statistics, report details, checker counters and output): leave it out of
//   the vector, reset it in resetUnkeyed(), and list it with its reason in UNKEYED of
//   tests/model/machineFields.test.ts. That test fails for a field that is described but not decoded, or
//   neither described nor listed.
// The order of the lines is the order of the vector; keys of two builds differ, but both stay canonical.
import type { Machine } from './machine/core.ts';
import { IRQ_IDLE, IRQ_WAIT, L_DONE, NONE, TASK_BLOCKED } from './machine/codes.ts';
import { growAllocs } from './machine/pseqs.ts';

/** What the description reads and writes with: one class (StateKeyer) in two modes. */
export interface KeyIO {
  /** True while decoding (the description then also sizes what it fills). */
  readonly decoding: boolean;
  int(v: number): number;
  /** encode: column[c] of each column as k.int() would; decode: column[c] of each set from the vector. */
  ints(cols: CpuColumns, c: number): void;
  flag(v: boolean): boolean;
  ref(id: number): number;
  gp(n: number): number;
  capped(v: number, cap: number): number;
  map(x: Map<number, number> | undefined): Map<number, number> | undefined;
  /** The same for a map no other machine shares (machine/copy.ts copies it): decode may refill it in place. */
  ownMap(x: Map<number, number> | undefined): Map<number, number> | undefined;
  count(n: number): number;
  /** encode: the WARN_ON_ONCE sites as interned ids, sorted; decode: the set of site names. */
  sites(s: Set<string>): Set<string>;
  /** Encode: how many allocations were named so far, and the i-th one's id (canonical order). */
  namedCount(): number;
  namedId(i: number): number;
}

/**
 * Fields with one value per machine, by kernel path (machine/*.ts), and the slots. One small function per
 * path: each stays small enough for the JIT to inline the KeyIO calls it makes (the search's hot path).
 */
export function globalFields(k: KeyIO, m: Machine): void {
  sharedFields(k, m);
  enableFields(k, m);
  disableFields(k, m);
  kickRcuFields(k, m);
  // WARN_ON_ONCE sites that already fired (core.ts warnOnceAt)
  m.warnOnce = k.sites(m.warnOnce);
  // pseqs.ts: slots stay in CPU order (the alloc and free loops walk them in that order).
  for (let c = 0; c < m.n; c++) m.slot[c] = k.ref(m.slot[c]);
}

/** Shared by several paths (core.ts), and task.ts. */
function sharedFields(k: KeyIO, m: Machine): void {
  m.halted = k.flag(m.halted);
  m.enableState = k.int(m.enableState);
  m.scxTasks = k.flag(m.scxTasks);
  m.mutexOwner = k.int(m.mutexOwner);
  // task.ts
  m.booted = k.flag(m.booted);
  m.stormWakes = k.int(m.stormWakes);
}

/** enable.ts: the loaders; kvzalloc_node() calls matter only while a failure is still ahead. */
function enableFields(k: KeyIO, m: Machine): void {
  const failAt = m.cfg.failAllocAt;
  m.kvzallocCalls = k.capped(m.kvzallocCalls, failAt >= 0 ? failAt + 1 : 0);
  for (const l of m.loaders) {
    l.pc = k.int(l.pc);
    l.cursor = k.int(l.cursor);
    l.phase = k.int(l.phase);
    l.local = k.ref(l.local);
    l.ret = k.int(l.ret);
  }
}

/** disable.ts */
function disableFields(k: KeyIO, m: Machine): void {
  m.bypassDepth = k.int(m.bypassDepth);
  m.disablePc = k.int(m.disablePc);
  m.disableCursor = k.int(m.disableCursor);
  m.disablePhase = k.int(m.disablePhase);
  m.disableLocal = k.ref(m.disableLocal);
  m.disableSyncGp = k.gp(m.disableSyncGp);
}

/** kick.ts and rcu.ts */
function kickRcuFields(k: KeyIO, m: Machine): void {
  m.stormIssued = k.int(m.stormIssued);
  m.prWarnOnce = k.flag(m.prWarnOnce);
  m.gpInProgress = k.flag(m.gpInProgress);
  m.maxGpNeeded = k.gp(m.maxGpNeeded);
}

/**
 * CPU c's plain integer fields, one column (a per-CPU array of the machine) each, grouped by the column's
 * element type so that each loop over a group reads one kind of array (the search's hot path); k.ints() reads
 * or writes column[c] of each, in this order. A new per-CPU integer field goes here; a per-CPU field of
 * another kind goes in cpuFields().
 */
export interface CpuColumns {
  u8: Uint8Array[];
  i32: Int32Array[];
  f64: Float64Array[];
}

export function cpuIntColumns(m: Machine): CpuColumns {
  return {
    u8: [
      // task.ts
      m.taskState,
      m.queued,
      m.needResched,
      // kick.ts
      m.irqPending,
      m.irqPc,
      m.irqShouldWait,
      m.irqSpinSeenFreed,
      // rcu.ts
      m.qsOwed,
    ],
    i32: [
      // task.ts
      m.wakesDone,
      // kick.ts
      m.irqSpinTarget,
      m.stormKicksDone,
      m.kicksDone,
    ],
    // task.ts pnt_seq, and kick.ts's last pnt_seq the SCX_KICK_WAIT spin saw
    f64: [m.pnt, m.irqSpinSeenPnt],
  };
}

/**
 * CPU c's own fields (with symmetry, the tuples of interchangeable CPUs are sorted: stateKey.ts): its integer
 * columns (`cols`, cpuIntColumns(m)), then the rest.
 */
export function cpuFields(k: KeyIO, m: Machine, c: number, cols: CpuColumns): void {
  k.ints(cols, c);
  // kick.ts
  m.masks[c] = k.ownMap(m.masks[c]);
  m.irqPtr[c] = k.ref(m.irqPtr[c]);
  // rcu.ts: callbacks, FIFO pairs [allocation, grace period needed]
  const q = m.cbq[c];
  const len = k.count(q.length);
  if (k.decoding && q.length !== len) q.length = len;
  for (let i = 0; i < len; i += 2) {
    q[i] = k.ref(q[i]);
    q[i + 1] = k.gp(q[i + 1]);
  }
}

/**
 * The arrays still referenced, in canonical order (unreferenced ones can no longer affect anything); runs
 * last, when every reference has been named. Decoded arrays get ids 0, 1, … in that order (pseqs.ts).
 */
export function allocFields(k: KeyIO, m: Machine): void {
  const n = k.count(k.namedCount());
  if (k.decoding) sizeAllocs(m, n);
  for (let i = 0; i < n; i++) {
    const id = k.decoding ? i : k.namedId(i);
    m.allocState[id] = k.int(m.allocState[id]);
    m.allocRefs[id] = k.int(m.allocRefs[id]);
    m.writes[id] = k.map(m.writes[id]);
  }
}

/** Decode: room for `n` arrays (ids 0 … n-1), their report details reset, their write maps owned. */
function sizeAllocs(m: Machine, n: number): void {
  if (m.allocCpu.length < n) growAllocs(m, Math.max(16, 2 * n));
  m.allocCount = n;
  if (m.writes.length !== n) m.writes.length = n;
  for (let i = 0; i < n; i++) {
    m.allocCpu[i] = 0;
    m.allocNode[i] = 0;
    m.allocRequest[i] = 0;
    m.allocConsumed[i] = 0;
    m.allocPath[i] = 0;
    m.allocFreedStep[i] = NONE;
    m.allocAllocStep[i] = 0;
    m.writesGen[i] = m.gen; // the decoded maps are this machine's own (copy-on-write, pseqs.ts writeEntry)
  }
}

/** Decode: the fields left out of the vector, at their neutral values; grace periods counted from 0. */
export function resetUnkeyed(m: Machine): void {
  m.step = 0;
  m.haltReason = '';
  m.gpCompleted = 0; // the anchor of every k.gp() value
  m.uafCount = 0;
  m.nullDeref = false;
  m.doubleFree = 0;
  m.leakedArrays = 0;
  m.leakedBytes = 0;
  m.droppedKicks = 0;
  m.bootPanic = false;
  if (m.warnings.length) m.warnings.length = 0;
  m.liveBytes = 0;
  m.waitingBytes = 0;
  m.freedBytes = 0;
  m.sink = null;
}

/** Decode: every index derived from described fields, rebuilt from them. O(N + callbacks). */
export function rebuildDerived(m: Machine): void {
  m.owed.clear();
  m.cbCpus.clear();
  m.reschedSet.clear();
  m.blocked.clear();
  m.irqActive.clear();
  m.spinners.clear();
  m.cbPending = 0;
  for (let c = 0; c < m.n; c++) {
    if (m.qsOwed[c]) m.owed.add(c);
    const q = m.cbq[c].length;
    if (q) {
      m.cbCpus.add(c);
      m.cbPending += q >> 1;
    }
    if (m.needResched[c]) m.reschedSet.add(c);
    if (m.taskState[c] === TASK_BLOCKED) m.blocked.add(c);
    m.spinOn[c] = undefined;
  }
  for (let c = 0; c < m.n; c++) {
    const pc = m.irqPc[c];
    const t = m.irqSpinTarget[c];
    // Blocked in the SCX_KICK_WAIT spin: its last read saw the target's current pnt_seq (kick.ts blockSpinner).
    if (pc === IRQ_WAIT && t !== NONE && m.irqSpinSeenPnt[c] === m.pnt[t]) {
      m.spinners.add(c);
      const w = m.spinOn[t];
      if (w) w.push(c);
      else m.spinOn[t] = [c];
    } else if (pc !== IRQ_IDLE || m.irqPending[c]) m.irqActive.add(c);
  }
  // scx_enable() return values of the loaders that finished (they finish in order in every scenario).
  const e = m.enableErrors;
  let k = 0;
  for (const l of m.loaders) if (l.pc === L_DONE) e[k++] = l.ret;
  if (e.length !== k) e.length = k;
}
