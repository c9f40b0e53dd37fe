// The model's code tables (event kinds, kernel functions, cell states, actor kinds), which the UI needs
// at run time to read the struct-of-arrays trace, and name → code lookups over them.
import { ACTOR_KINDS, actorId, CELL_STATES, EVENT_KINDS, KERNEL_FNS } from '../../workers/model/constants.ts';

export { ACTOR_KINDS, CELL_STATES, EVENT_KINDS, KERNEL_FNS };

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
  return kind === 'enable' ? (actorIds[trace.step[i]] ?? 'enable') : actorId(kind, trace.cpu[i]);
}
