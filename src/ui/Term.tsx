// A glossary term in running prose: a button that, on hover or keyboard focus, shows the term's two-sentence
// definition and the kernel file that explains it (role="tooltip", named by aria-describedby). Escape closes
// it; it is placed in the document body, below the term or above when there is no room, inside the viewport.
import { useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { GLOSSARY, glossSegments, type TermId } from './glossary.ts';
import { placeTooltip } from './placeTooltip.ts';

export function Term({ id, children }: { id: TermId; children?: ReactNode }) {
  const entry = GLOSSARY[id];
  const tipId = useId();
  const [open, setOpen] = useState(false);
  const [pos, setPos] = useState<{ left: number; top: number } | null>(null);
  const anchor = useRef<HTMLButtonElement>(null);
  const tip = useRef<HTMLDivElement>(null);
  // Placed once shown (its size is known then), and again whenever the page scrolls under it.
  useLayoutEffect(() => {
    if (!open) return;
    const place = () => {
      if (!anchor.current || !tip.current) return;
      const r = tip.current.getBoundingClientRect();
      setPos(placeTooltip(anchor.current.getBoundingClientRect(), r.width, r.height, window.innerWidth, window.innerHeight));
    };
    place();
    window.addEventListener('scroll', place, { passive: true, capture: true });
    window.addEventListener('resize', place);
    return () => {
      window.removeEventListener('scroll', place, { capture: true });
      window.removeEventListener('resize', place);
    };
  }, [open]);
  const show = () => {
    setPos(null);
    setOpen(true);
  };
  return (
    <>
      <button
        ref={anchor}
        type="button"
        aria-describedby={tipId}
        className="cursor-help border-b border-dotted border-current bg-transparent p-0 text-inherit [font:inherit] focus-visible:outline-2 focus-visible:outline-sky-600"
        onMouseEnter={show}
        onMouseLeave={() => setOpen(false)}
        onFocus={show}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && open) {
            e.stopPropagation();
            setOpen(false);
          }
        }}
      >
        {children ?? entry.term}
      </button>
      {createPortal(
        <div
          ref={tip}
          id={tipId}
          role="tooltip"
          hidden={!open}
          style={{ left: pos?.left ?? 0, top: pos?.top ?? 0, visibility: pos ? 'visible' : 'hidden' }}
          className="pointer-events-none fixed z-50 max-w-xs rounded border border-slate-300 bg-white p-2 text-left text-xs leading-snug font-normal text-slate-800 shadow-lg"
        >
          <span className="font-semibold">{entry.term}: </span>
          {entry.definition}
          <span className="mt-1 block text-slate-500">Kernel documentation: {entry.source}</span>
        </div>,
        document.body,
      )}
    </>
  );
}

/** Prose with each glossary term (at its first appearance) made a <Term>. */
export function Glossed({ text }: { text: string }) {
  return (
    <>
      {glossSegments(text).map((seg, i) =>
        typeof seg === 'string' ? (
          seg
        ) : (
          <Term key={i} id={seg.id}>
            {seg.text}
          </Term>
        ),
      )}
    </>
  );
}
