// Shown when a worker request fails or the worker dies: the message and a Retry that starts a
// fresh worker (every query re-runs). Any view that talks to the worker can reuse it.
import { restartSim } from './useSimQuery.ts';

interface SimErrorAlertProps {
  message: string;
  /** What was being computed, e.g. "the memory figures". */
  what: string;
}

export function SimErrorAlert({ message, what }: SimErrorAlertProps) {
  return (
    <div role="alert" className="flex flex-wrap items-start gap-3 rounded border border-red-300 bg-red-50 p-3 text-red-900">
      <div className="min-w-0 flex-1">
        <p className="font-semibold">Could not compute {what}.</p>
        <p className="mt-1 font-mono text-xs break-words">{message}</p>
        <p className="mt-1 text-xs">The figures below may be out of date. Retry starts a fresh model worker.</p>
      </div>
      <button
        type="button"
        onClick={restartSim}
        className="rounded bg-red-700 px-3 py-1 text-sm font-medium text-white hover:bg-red-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700"
      >
        Retry
      </button>
    </div>
  );
}
