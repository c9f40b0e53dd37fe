// A view's heading, with its explanation one click away behind "About this view" (a native disclosure,
// so find-in-page still reaches the text): the first screen belongs to the view's picture.
import type { ReactNode } from 'react';

interface ViewIntroProps {
  /** The view's question, as its h2. */
  title: string;
  /** The explanatory paragraph(s). */
  children: ReactNode;
  /** Controls about the whole view (its Export menu), at the right of the heading. */
  actions?: ReactNode;
}

export function ViewIntro({ title, children, actions }: ViewIntroProps) {
  return (
    <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
      <h2 className="text-base font-semibold">{title}</h2>
      <details className="group text-sm text-slate-600 open:order-last open:basis-full">
        <summary className="w-fit cursor-pointer text-xs font-medium text-sky-800 select-none hover:text-sky-950 group-open:mb-1">
          About this view
        </summary>
        <div className="max-w-5xl">{children}</div>
      </details>
      {actions && <div className="-my-1 ml-auto self-center">{actions}</div>}
    </div>
  );
}
