// The one copy routine of the machine, for clone() (fresh structures) and restoreFrom() (overwritten in
// place). tests/model/machineFields.test.ts checks that it copies every field, deeply.
import type { Machine } from './core.ts';
import { IndexSet } from '../indexSet.ts';

/**
 * Make `dst` a deep copy of `src`: scalars first (same names as the fields), then every mutable structure,
 * fresh (a clone, whose structures do not exist yet) or, with `reuse` (restoreFrom), over `dst`'s own arrays
 * where the sizes match, so no O(N) memory is allocated. Per-array write maps stay shared, copy-on-write.
 */
export function copyMachine(dst: Machine, src: Machine, reuse: boolean): void {
  dst.step = src.step;
  dst.halted = src.halted;
  dst.haltReason = src.haltReason;
  dst.allocCount = src.allocCount;
  dst.enableState = src.enableState;
  dst.scxTasks = src.scxTasks;
  dst.mutexOwner = src.mutexOwner;
  dst.bypassDepth = src.bypassDepth;
  dst.stormIssued = src.stormIssued;
  dst.stormWakes = src.stormWakes;
  dst.kvzallocCalls = src.kvzallocCalls;
  dst.disablePc = src.disablePc;
  dst.disableCursor = src.disableCursor;
  dst.disablePhase = src.disablePhase;
  dst.disableLocal = src.disableLocal;
  dst.disableSyncGp = src.disableSyncGp;
  dst.booted = src.booted;
  dst.gpCompleted = src.gpCompleted;
  dst.gpInProgress = src.gpInProgress;
  dst.cbPending = src.cbPending;
  dst.maxGpNeeded = src.maxGpNeeded;
  dst.prWarnOnce = src.prWarnOnce;
  dst.uafCount = src.uafCount;
  dst.nullDeref = src.nullDeref;
  dst.doubleFree = src.doubleFree;
  dst.leakedArrays = src.leakedArrays;
  dst.leakedBytes = src.leakedBytes;
  dst.droppedKicks = src.droppedKicks;
  dst.bootPanic = src.bootPanic;
  dst.liveBytes = src.liveBytes;
  dst.waitingBytes = src.waitingBytes;
  dst.freedBytes = src.freedBytes;
  copyStructures(dst, src, reuse);
}

// Module-level helpers (not closures per call: the search copies machines a million times).
let reuse = false;
/**
 * A clone's typed arrays are views into one buffer (slab), allocated for the whole machine: one backing
 * store instead of two dozen (each costs about 280 bytes beyond its elements; the search keeps thousands of
 * machines in its frontier).
 */
let slab: ArrayBuffer | null = null;
let slabOff = 0;
type Typed = Int32Array | Uint8Array | Float64Array;
function put<T extends Typed>(dst: T | undefined, from: T): T {
  if (reuse && dst && dst.length === from.length) {
    dst.set(from);
    return dst;
  }
  if (slab) {
    const off = Math.ceil(slabOff / 8) * 8;
    if (off + from.byteLength <= slab.byteLength) {
      const view = new (from.constructor as new (b: ArrayBuffer, o: number, n: number) => T)(slab, off, from.length);
      view.set(from);
      slabOff = off + from.byteLength;
      return view;
    }
  }
  return from.slice() as T;
}
function slabFor(src: Machine): ArrayBuffer {
  let bytes = 0;
  const add = (v: ArrayBufferView) => (bytes += Math.ceil(v.byteLength / 8) * 8);
  for (const v of Object.values(src) as unknown[]) {
    if (ArrayBuffer.isView(v)) add(v);
    else if (v instanceof IndexSet) {
      add(v.items);
      add(v.pos);
    }
  }
  return new ArrayBuffer(bytes);
}
function putSet(dst: IndexSet | undefined, from: IndexSet): IndexSet {
  if (reuse && dst) {
    dst.copyFrom(from);
    return dst;
  }
  const set = new IndexSet(0);
  set.items = put(undefined, from.items);
  set.pos = put(undefined, from.pos);
  set.size = from.size;
  return set;
}
function copyMask(x: Map<number, number> | undefined): Map<number, number> | undefined {
  return x && x.size ? new Map(x) : undefined;
}
function copySpin(x: number[] | undefined): number[] | undefined {
  return x && x.length ? x.slice() : undefined;
}
/** Overwrite `dst` (this machine's own array) with `src`'s elements. */
function copyInto<T>(dst: T[], src: readonly T[]): T[] {
  dst.length = src.length;
  for (let i = 0; i < src.length; i++) dst[i] = src[i];
  return dst;
}
function copyQueue<T>(q: T[]): T[] {
  return q.length ? q.slice() : [];
}

function copyStructures(to: Machine, src: Machine, inPlace: boolean): void {
  reuse = inPlace;
  slab = inPlace ? null : slabFor(src);
  slabOff = 0;
  to.slot = put(to.slot, src.slot);
  to.allocCpu = put(to.allocCpu, src.allocCpu);
  to.allocNode = put(to.allocNode, src.allocNode);
  to.allocState = put(to.allocState, src.allocState);
  to.allocRefs = put(to.allocRefs, src.allocRefs);
  to.allocRequest = put(to.allocRequest, src.allocRequest);
  to.allocConsumed = put(to.allocConsumed, src.allocConsumed);
  to.allocPath = put(to.allocPath, src.allocPath);
  to.allocFreedStep = put(to.allocFreedStep, src.allocFreedStep);
  to.allocAllocStep = put(to.allocAllocStep, src.allocAllocStep);
  to.writes = reuse ? copyInto(to.writes, src.writes) : src.writes.slice();
  to.writesGen = put(to.writesGen, src.writesGen);
  // Both copies now treat every existing map as shared: the next write on either side copies it.
  src.gen++;
  to.gen = src.gen + 1;
  to.pnt = put(to.pnt, src.pnt);
  to.taskState = put(to.taskState, src.taskState);
  to.queued = put(to.queued, src.queued);
  to.needResched = put(to.needResched, src.needResched);
  to.irqPending = put(to.irqPending, src.irqPending);
  to.irqPc = put(to.irqPc, src.irqPc);
  to.irqPtr = put(to.irqPtr, src.irqPtr);
  to.irqShouldWait = put(to.irqShouldWait, src.irqShouldWait);
  to.irqSpinTarget = put(to.irqSpinTarget, src.irqSpinTarget);
  to.irqSpinSeenPnt = put(to.irqSpinSeenPnt, src.irqSpinSeenPnt);
  to.irqSpinSeenFreed = put(to.irqSpinSeenFreed, src.irqSpinSeenFreed);
  to.stormKicksDone = put(to.stormKicksDone, src.stormKicksDone);
  to.kicksDone = put(to.kicksDone, src.kicksDone);
  to.wakesDone = put(to.wakesDone, src.wakesDone);
  to.qsOwed = put(to.qsOwed, src.qsOwed);
  // Per-CPU containers: copy the non-empty ones (an empty one and none mean the same).
  if (reuse) {
    for (let c = 0; c < src.n; c++) {
      to.masks[c] = copyMask(src.masks[c]);
      const q = src.cbq[c];
      if (q.length) to.cbq[c] = q.slice();
      else if (to.cbq[c].length) to.cbq[c] = []; // keep this machine's own empty queue
      to.spinOn[c] = copySpin(src.spinOn[c]);
    }
  } else {
    to.masks = src.masks.map(copyMask);
    to.cbq = src.cbq.map(copyQueue);
    to.spinOn = src.spinOn.map(copySpin);
  }
  if (reuse && to.loaders.length === src.loaders.length)
    for (let i = 0; i < src.loaders.length; i++) Object.assign(to.loaders[i], src.loaders[i]);
  else to.loaders = src.loaders.map((l) => ({ ...l }));
  to.owed = putSet(to.owed, src.owed);
  to.cbCpus = putSet(to.cbCpus, src.cbCpus);
  to.irqActive = putSet(to.irqActive, src.irqActive);
  to.spinners = putSet(to.spinners, src.spinners);
  to.reschedSet = putSet(to.reschedSet, src.reschedSet);
  to.blocked = putSet(to.blocked, src.blocked);
  if (reuse && to.warnOnce.size === 0 && src.warnOnce.size === 0) {
    // Both empty (the common case in a search): keep this machine's own set.
  } else to.warnOnce = new Set(src.warnOnce);
  to.warnings = reuse ? copyInto(to.warnings, src.warnings) : src.warnings.slice();
  to.enableErrors = reuse ? copyInto(to.enableErrors, src.enableErrors) : src.enableErrors.slice();
  to.sink = null;
  slab = null;
}
