// The one copy routine of the machine, for clone() (fresh structures) and restoreFrom() (overwritten in
// place). tests/model/machineFields.test.ts checks that it copies every field, deeply.
import type { Machine } from './core.ts';
import type { IndexSet } from '../indexSet.ts';

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
  dst.bypass = src.bypass;
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

function copyStructures(m: Machine, src: Machine, reuse: boolean): void {
  const put = <T extends Int32Array | Uint8Array | Float64Array>(dst: T | undefined, from: T): T => {
    if (!reuse || !dst || dst.length !== from.length) return from.slice() as T;
    dst.set(from);
    return dst;
  };
  const putSet = (dst: IndexSet | undefined, from: IndexSet): IndexSet => {
    if (!reuse || !dst) return from.clone();
    dst.copyFrom(from);
    return dst;
  };
  m.slot = put(m.slot, src.slot);
  m.allocCpu = put(m.allocCpu, src.allocCpu);
  m.allocNode = put(m.allocNode, src.allocNode);
  m.allocState = put(m.allocState, src.allocState);
  m.allocRefs = put(m.allocRefs, src.allocRefs);
  m.allocRequest = put(m.allocRequest, src.allocRequest);
  m.allocConsumed = put(m.allocConsumed, src.allocConsumed);
  m.allocPath = put(m.allocPath, src.allocPath);
  m.allocFreedStep = put(m.allocFreedStep, src.allocFreedStep);
  m.allocAllocStep = put(m.allocAllocStep, src.allocAllocStep);
  m.writes = src.writes.slice();
  m.writesGen = put(m.writesGen, src.writesGen);
  // Both copies now treat every existing map as shared: the next write on either side copies it.
  src.gen++;
  m.gen = src.gen + 1;
  m.pnt = put(m.pnt, src.pnt);
  m.taskState = put(m.taskState, src.taskState);
  m.needResched = put(m.needResched, src.needResched);
  m.irqPending = put(m.irqPending, src.irqPending);
  m.irqPc = put(m.irqPc, src.irqPc);
  m.irqPtr = put(m.irqPtr, src.irqPtr);
  m.irqShouldWait = put(m.irqShouldWait, src.irqShouldWait);
  m.irqSpinTarget = put(m.irqSpinTarget, src.irqSpinTarget);
  m.irqSpinSeenPnt = put(m.irqSpinSeenPnt, src.irqSpinSeenPnt);
  m.irqSpinSeenFreed = put(m.irqSpinSeenFreed, src.irqSpinSeenFreed);
  m.stormKicksDone = put(m.stormKicksDone, src.stormKicksDone);
  m.kicksDone = put(m.kicksDone, src.kicksDone);
  m.wakesDone = put(m.wakesDone, src.wakesDone);
  m.qsOwed = put(m.qsOwed, src.qsOwed);
  // Per-CPU containers: copy the non-empty ones (an empty one and none mean the same).
  const copyMask = (x: Map<number, number> | undefined) => (x && x.size ? new Map(x) : undefined);
  const copySpin = (x: number[] | undefined) => (x && x.length ? x.slice() : undefined);
  if (reuse) {
    for (let c = 0; c < src.n; c++) {
      m.masks[c] = copyMask(src.masks[c]);
      const q = src.cbq[c];
      if (q.length) m.cbq[c] = q.slice();
      else if (m.cbq[c].length) m.cbq[c] = []; // keep this machine's own empty queue
      m.spinOn[c] = copySpin(src.spinOn[c]);
    }
  } else {
    m.masks = src.masks.map(copyMask);
    m.cbq = src.cbq.map((q) => (q.length ? q.slice() : []));
    m.spinOn = src.spinOn.map(copySpin);
  }
  m.loaders = src.loaders.map((l) => ({ ...l }));
  m.owed = putSet(m.owed, src.owed);
  m.cbCpus = putSet(m.cbCpus, src.cbCpus);
  m.irqActive = putSet(m.irqActive, src.irqActive);
  m.spinners = putSet(m.spinners, src.spinners);
  m.reschedSet = putSet(m.reschedSet, src.reschedSet);
  m.blocked = putSet(m.blocked, src.blocked);
  m.warnOnce = new Set(src.warnOnce);
  m.warnings = src.warnings.slice();
  m.enableErrors = src.enableErrors.slice();
  m.sink = null;
}
