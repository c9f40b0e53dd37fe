// The verdict cell of one checker row: found (red); not reachable, only after a complete search (green); or
// not found so far, after an incomplete one, in a neutral colour with where the search stopped.
import type { ExploreReply } from '../../workers/api.ts';
import { completenessText } from './exploreConfig.ts';

export function verdictText(result: ExploreReply, found: boolean): string {
  if (found) return 'found';
  if (result.complete) return 'not reachable';
  return `not found so far (${completenessText(result).replace(/^incomplete: /, '')})`;
}

export function CheckerVerdict({ result, found }: { result: ExploreReply; found: boolean }) {
  const colour = found ? 'text-red-700' : result.complete ? 'text-emerald-700' : 'text-slate-600';
  return <td className={`py-1 pr-4 font-semibold ${colour}`}>{verdictText(result, found)}</td>;
}
