// What a shared link could not give as written (and what was used instead), as one dismissable
// alert above the views. The app itself always loads: every readable field of the link is kept.
import { useId } from 'react';
import type { UrlIssue } from './urlCodec.ts';

interface UrlAlertProps {
  issues: readonly UrlIssue[];
  onDismiss: () => void;
}

export function UrlAlert({ issues, onDismiss }: UrlAlertProps) {
  const titleId = useId();
  if (issues.length === 0) return null;
  const onlyModel = issues.every((i) => i.key === 'm');
  return (
    <div
      role="alert"
      aria-labelledby={titleId}
      className="mx-6 my-3 flex flex-wrap items-start gap-3 rounded border border-amber-300 bg-amber-50 p-3 text-amber-950"
    >
      <div className="min-w-0 flex-1">
        <p id={titleId} className="font-semibold">
          {onlyModel ? 'This link comes from another model version' : 'This link could not be used exactly as written'}
        </p>
        <ul className="mt-1 list-disc pl-5 text-sm">
          {issues.map((issue, i) => (
            <li key={i} className="break-words">
              {issue.message}.
            </li>
          ))}
        </ul>
      </div>
      <button
        type="button"
        onClick={onDismiss}
        className="rounded border border-amber-400 bg-white px-3 py-1 text-sm font-medium hover:bg-amber-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-700"
      >
        Dismiss
      </button>
    </div>
  );
}
