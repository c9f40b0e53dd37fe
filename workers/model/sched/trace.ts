// The trace recorder: a run's events as columns (all of them, or only the notable ones the reports need)
// and the trace hash, computed as events are emitted.
import type { TraceColumns } from './types.ts';
import type { Sink } from './machine/core.ts';
import { EVENT_CODE } from './machine/codes.ts';
import { grown, type GrowableArray } from './typed.ts';

/** Event kinds the checkers' reports are built from (kept even when the full trace is not). */
const NOTABLE = new Set<number>([
  EVENT_CODE.uaf,
  EVENT_CODE['null-deref'],
  EVENT_CODE.leak,
  EVENT_CODE['double-free'],
  EVENT_CODE.warn,
  EVENT_CODE['null-return'],
  EVENT_CODE['percpu-fail'],
  EVENT_CODE.stuck,
  EVENT_CODE['rcu-stall'],
]);

/** FNV-1a style mixing into two 32-bit lanes; the trace hash is computed as events are emitted. */
export class TraceHash {
  h1 = 0x811c9dc5 | 0;
  h2 = 0xcbf29ce4 | 0;
  mix(v: number): void {
    this.h1 = Math.imul(this.h1 ^ (v & 0xffff), 0x01000193);
    this.h2 = Math.imul(this.h2 ^ ((v >>> 16) ^ (v & 0xff)), 0x01000193);
    this.h1 = Math.imul(this.h1 ^ (v >>> 16), 0x01000193);
  }
  event(step: number, cpu: number, actorKind: number, fn: number, kind: number, obj: number, bytes: number, arg: number): void {
    this.mix(step);
    this.mix(cpu);
    this.mix(actorKind | (fn << 8) | (kind << 16));
    this.mix(obj);
    this.mix(bytes);
    this.mix(arg);
  }
  hex(count: number, steps: number): string {
    this.mix(count);
    this.mix(steps);
    return (this.h2 >>> 0).toString(16).padStart(8, '0') + (this.h1 >>> 0).toString(16).padStart(8, '0');
  }
}

export class Columns {
  count = 0;
  step = new Uint32Array(1024);
  cpu = new Int32Array(1024);
  actorKind = new Uint8Array(1024);
  fn = new Uint8Array(1024);
  kind = new Uint8Array(1024);
  obj = new Int32Array(1024);
  bytes = new Uint32Array(1024);
  arg = new Int32Array(1024);
  line = new Int16Array(1024);

  push(
    step: number,
    cpu: number,
    actorKind: number,
    fn: number,
    kind: number,
    obj: number,
    bytes: number,
    arg: number,
    line: number,
  ): void {
    if (this.count === this.step.length) this.grow();
    const i = this.count++;
    this.step[i] = step;
    this.cpu[i] = cpu;
    this.actorKind[i] = actorKind;
    this.fn[i] = fn;
    this.kind[i] = kind;
    this.obj[i] = obj;
    this.bytes[i] = bytes;
    this.arg[i] = arg;
    this.line[i] = line;
  }

  private grow(): void {
    const cap = this.step.length * 2;
    const g = <T extends GrowableArray>(a: T): T => grown(a, cap);
    this.step = g(this.step);
    this.cpu = g(this.cpu);
    this.actorKind = g(this.actorKind);
    this.fn = g(this.fn);
    this.kind = g(this.kind);
    this.obj = g(this.obj);
    this.bytes = g(this.bytes);
    this.arg = g(this.arg);
    this.line = g(this.line);
  }

  /** Views of the filled part (no copy). */
  done(): TraceColumns {
    const n = this.count;
    return {
      count: n,
      step: this.step.subarray(0, n),
      cpu: this.cpu.subarray(0, n),
      actorKind: this.actorKind.subarray(0, n),
      fn: this.fn.subarray(0, n),
      kind: this.kind.subarray(0, n),
      obj: this.obj.subarray(0, n),
      bytes: this.bytes.subarray(0, n),
      arg: this.arg.subarray(0, n),
      line: this.line.subarray(0, n),
    };
  }
}

/** Records a run's events: the hash always, the full columns unless asked not to, the notable ones always. */
export class TraceBuilder implements Sink {
  count = 0;
  readonly hash = new TraceHash();
  readonly all: Columns | null;
  readonly notable = new Columns();

  constructor(store: boolean) {
    this.all = store ? new Columns() : null;
  }

  emit(
    step: number,
    cpu: number,
    actorKind: number,
    fn: number,
    kind: number,
    obj: number,
    bytes: number,
    arg: number,
    line: number,
  ): void {
    this.count++;
    this.hash.event(step, cpu, actorKind, fn, kind, obj, bytes, arg);
    this.all?.push(step, cpu, actorKind, fn, kind, obj, bytes, arg, line);
    if (NOTABLE.has(kind)) this.notable.push(step, cpu, actorKind, fn, kind, obj, bytes, arg, line);
  }
}

/** The trace hash recomputed from stored columns (equals RunResult.traceHash of a full run). */
export function hashTrace(t: TraceColumns, steps: number): string {
  const h = new TraceHash();
  for (let i = 0; i < t.count; i++) h.event(t.step[i], t.cpu[i], t.actorKind[i], t.fn[i], t.kind[i], t.obj[i], t.bytes[i], t.arg[i]);
  return h.hex(t.count, steps);
}
