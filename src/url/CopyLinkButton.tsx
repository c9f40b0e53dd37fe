// "Copy link": the canonical URL of the current state to the clipboard, confirmed inline (a polite
// live region, so it does not compete with the views' status lines). When the clipboard is not
// available (permissions, insecure context), the link is shown in a selected, read-only field.
import { useEffect, useRef, useState } from 'react';
import { currentShareUrl } from './useUrlSync.ts';

/** How long "Link copied" stays, ms. */
const CONFIRM_MS = 2500;

type CopyState = { kind: 'idle' } | { kind: 'copied' } | { kind: 'manual'; url: string };

export function CopyLinkButton() {
  const [state, setState] = useState<CopyState>({ kind: 'idle' });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => () => clearTimeout(timer.current), []);
  useEffect(() => {
    if (state.kind === 'manual') field.current?.select();
  }, [state]);

  const copy = async () => {
    const url = currentShareUrl();
    clearTimeout(timer.current);
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(url);
      setState({ kind: 'copied' });
      timer.current = setTimeout(() => setState({ kind: 'idle' }), CONFIRM_MS);
    } catch {
      setState({ kind: 'manual', url });
    }
  };

  return (
    <div className="flex flex-wrap items-center gap-2">
      <button
        type="button"
        onClick={() => void copy()}
        className="rounded border border-slate-300 bg-white px-3 py-1 text-sm font-medium hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-sky-600"
      >
        Copy link
      </button>
      <span aria-live="polite" className="text-xs font-medium text-emerald-700">
        {state.kind === 'copied' ? 'Link copied' : ''}
      </span>
      {state.kind === 'manual' && (
        <span className="flex items-center gap-2 text-xs text-slate-600">
          <label htmlFor="copy-link-field">Could not copy: select the link and copy it</label>
          <input
            ref={field}
            id="copy-link-field"
            readOnly
            value={state.url}
            onFocus={(e) => e.currentTarget.select()}
            className="w-96 max-w-full rounded border border-slate-300 px-2 py-1 font-mono text-xs"
          />
          <button type="button" className="underline" onClick={() => setState({ kind: 'idle' })}>
            Close
          </button>
        </span>
      )}
    </div>
  );
}
