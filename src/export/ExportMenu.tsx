// The "Export" menu button (WAI-ARIA menu button pattern): Enter, Space or ArrowDown open it on the first
// item, ArrowUp on the last; arrows, Home and End move; Enter or Space runs an item; Escape closes and
// returns focus to the button; Tab and a click elsewhere close it. What an item did (or why it could
// not) is said in a polite live region beside the button.
import { useEffect, useId, useRef, useState } from 'react';

export interface ExportMenuItem {
  label: string;
  /** Why the item cannot run now (said instead of running it), or null when it can. */
  unavailable: string | null;
  /** Does the export; resolves to what was done ("Saved … .txt"), rejects with a readable Error. */
  run: () => Promise<string>;
}

type Outcome = { kind: 'idle' } | { kind: 'busy'; label: string } | { kind: 'done'; text: string } | { kind: 'failed'; text: string };

const itemClass =
  'block w-full cursor-pointer px-3 py-1.5 text-left text-sm outline-none focus:bg-sky-100 aria-disabled:cursor-not-allowed aria-disabled:text-slate-500';

export function ExportMenu({ items, label = 'Export' }: { items: readonly ExportMenuItem[]; label?: string }) {
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const [focusIndex, setFocusIndex] = useState(0);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    (menu.current?.children[focusIndex] as HTMLElement | undefined)?.focus();
  }, [open, focusIndex]);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      const t = e.target as Node;
      if (!menu.current?.contains(t) && !button.current?.contains(t)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);

  const openAt = (i: number) => {
    setFocusIndex((i + items.length) % items.length);
    setOpen(true);
  };
  const close = (focusButton: boolean) => {
    setOpen(false);
    if (focusButton) button.current?.focus();
  };

  const activate = async (item: ExportMenuItem) => {
    close(true);
    if (item.unavailable) {
      setOutcome({ kind: 'failed', text: `${item.label}: ${item.unavailable}` });
      return;
    }
    setOutcome({ kind: 'busy', label: item.label });
    try {
      setOutcome({ kind: 'done', text: await item.run() });
    } catch (e) {
      setOutcome({ kind: 'failed', text: `${item.label} failed: ${e instanceof Error ? e.message : String(e)}` });
    }
  };

  const onMenuKey = (e: React.KeyboardEvent) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => setFocusIndex((i) => (i + 1) % items.length),
      ArrowUp: () => setFocusIndex((i) => (i - 1 + items.length) % items.length),
      Home: () => setFocusIndex(0),
      End: () => setFocusIndex(items.length - 1),
      Escape: () => close(true),
      Enter: () => void activate(items[focusIndex]),
      ' ': () => void activate(items[focusIndex]),
    };
    if (e.key === 'Tab') {
      setOpen(false);
      return;
    }
    const f = keys[e.key];
    if (!f) return;
    e.preventDefault();
    f();
  };

  return (
    <div className="relative flex flex-row-reverse flex-wrap items-center gap-2">
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? close(false) : openAt(0))}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            openAt(e.key === 'ArrowDown' ? 0 : -1);
          }
        }}
        className="rounded border border-slate-300 bg-white px-2.5 py-0.5 text-xs font-medium hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-sky-600"
      >
        {label} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <ul
          ref={menu}
          id={menuId}
          role="menu"
          aria-label={label}
          onKeyDown={onMenuKey}
          className="absolute top-full right-0 z-30 mt-1 min-w-64 rounded border border-slate-300 bg-white py-1 shadow-lg"
        >
          {items.map((item, i) => (
            <li
              key={item.label}
              role="menuitem"
              tabIndex={i === focusIndex ? 0 : -1}
              aria-disabled={item.unavailable ? true : undefined}
              title={item.unavailable ?? undefined}
              onClick={() => void activate(item)}
              onMouseEnter={() => setFocusIndex(i)}
              className={itemClass}
            >
              {item.label}
            </li>
          ))}
        </ul>
      )}
      <span aria-live="polite" className={`text-xs font-medium ${outcome.kind === 'failed' ? 'text-red-800' : 'text-emerald-800'}`}>
        {outcome.kind === 'busy' ? `${outcome.label}…` : outcome.kind === 'idle' ? '' : outcome.text}
      </span>
    </div>
  );
}
