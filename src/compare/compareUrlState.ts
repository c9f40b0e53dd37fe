// Between the store and the compare part of a link: what the link holds (a hand schedule only while it
// is the schedule in use; window edges in tenths of a step) and which changes push a history entry.
import type { AppState } from '../state/store.ts';
import { roundWindowEdge } from '../url/urlSchema.ts';
import type { CompareUrlState } from './compareConfig.ts';
import { encodeSide } from './compareUrl.ts';

export function compareUrlStateOf(s: AppState): CompareUrlState {
  const p = s.compareParams;
  const hand = p.scheduleKind === 'hand' && p.schedule.length > 0;
  const w = s.compareWindow;
  const window =
    w && roundWindowEdge(w[0]) < roundWindowEdge(w[1]) ? ([roundWindowEdge(Math.max(0, w[0])), roundWindowEdge(w[1])] as const) : null;
  return {
    params: { ...p, scheduleKind: hand || p.scheduleKind !== 'hand' ? p.scheduleKind : 'default', schedule: hand ? p.schedule : [] },
    cursor: { a: Math.max(0, Math.round(s.compareCursor.a)), b: Math.max(0, Math.round(s.compareCursor.b)) },
    window,
  };
}

/** The compare inputs a user changes on purpose (kernels, scenario, schedule): a change pushes history. */
export function compareDeliberateKey(s: AppState): string {
  const p = s.compareParams;
  return [p.scenario, encodeSide(p.a), encodeSide(p.b), p.scheduleKind, p.schedule.length].join('/');
}
