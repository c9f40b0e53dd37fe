// The flows of a Perfetto export, found before it is written (each start needs its one end): a kick's
// irq_work_queue() → the irq work that handles it, call_rcu() → its callback, kvfree() → each
// use-after-free of that array. Stored as linked lists over event indices: O(events) memory (two Int32Arrays).
import type { RunResult } from '../sched/types.ts';
import { EVENT_CODE } from '../sched/machine/codes.ts';

const FLOW_NAMES = ['kick -> irq work', 'call_rcu -> callback', 'free -> use-after-free'] as const;

export class PerfettoPairs {
  /** Per flow: its name's index, its end event, and the next flow starting / ending at the same event. */
  private kind: number[] = [];
  private nextS: number[] = [];
  private nextE: number[] = [];
  /** First flow starting / ending at an event (-1: none), by event index. */
  private firstS: Int32Array;
  private firstE: Int32Array;

  constructor(r: RunResult) {
    const t = r.trace;
    this.firstS = new Int32Array(t.count).fill(-1);
    this.firstE = new Int32Array(t.count).fill(-1);
    const queued = new Map<number, number[]>();
    const callRcu = new Map<number, number>();
    const freed = new Map<number, number>();
    for (let i = 0; i < t.count; i++) {
      const k = t.kind[i];
      if (k === EVENT_CODE['irq-queue']) {
        const list = queued.get(t.arg[i]);
        if (list) list.push(i);
        else queued.set(t.arg[i], [i]);
      } else if (k === EVENT_CODE['irq-enter']) {
        const list = queued.get(t.cpu[i]);
        if (list) for (const from of list) this.add(0, from, i);
        queued.delete(t.cpu[i]);
      } else if (k === EVENT_CODE['call-rcu']) {
        callRcu.set(t.obj[i], i);
      } else if (k === EVENT_CODE['cb-invoke']) {
        const from = callRcu.get(t.obj[i]);
        if (from !== undefined) this.add(1, from, i);
        callRcu.delete(t.obj[i]);
      } else if (k === EVENT_CODE.free) {
        freed.set(t.obj[i], i);
      } else if (k === EVENT_CODE.uaf) {
        const from = freed.get(t.obj[i]);
        if (from !== undefined) this.add(2, from, i);
      }
    }
  }

  private add(kind: number, from: number, to: number): void {
    const f = this.kind.length;
    this.kind.push(kind);
    this.nextS.push(this.firstS[from]);
    this.nextE.push(this.firstE[to]);
    this.firstS[from] = f;
    this.firstE[to] = f;
  }

  get count(): number {
    return this.kind.length;
  }
  startAt(event: number): number {
    return this.firstS[event];
  }
  nextStart(f: number): number {
    return this.nextS[f];
  }
  endAt(event: number): number {
    return this.firstE[event];
  }
  nextEnd(f: number): number {
    return this.nextE[f];
  }
  name(f: number): string {
    return FLOW_NAMES[this.kind[f]];
  }
}
