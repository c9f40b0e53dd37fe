// Layout shell: a header, the view switcher, and one view per feature. Feature code lives under its
// own folder (src/memory, src/races, src/explore); this file only chooses which one is shown.
import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { CompareView } from '../compare/CompareView.tsx';
import { ExploreView } from '../explore/ExploreView.tsx';
import { LessonsView } from '../lessons/LessonsView.tsx';
import { MemoryView } from '../memory/MemoryView.tsx';
import { RacesView } from '../races/RacesView.tsx';
import { VIEW_IDS, type ViewId } from '../state/paramsSlice.ts';
import { selectActiveView, selectSetActiveView } from '../state/selectors.ts';
import { useAppStore } from '../state/store.ts';
import { CopyLinkButton } from '../url/CopyLinkButton.tsx';
import { UrlAlert } from '../url/UrlAlert.tsx';
import { useUrlSync } from '../url/useUrlSync.ts';

const VIEW_TITLES: Record<ViewId, string> = {
  memory: 'Memory',
  races: 'Races',
  explore: 'Explore',
  compare: 'Compare',
  lessons: 'Lessons',
};

function renderView(view: ViewId): ReactNode {
  switch (view) {
    case 'memory':
      return <MemoryView />;
    case 'races':
      return <RacesView />;
    case 'explore':
      return <ExploreView />;
    case 'compare':
      return <CompareView />;
    case 'lessons':
      return <LessonsView />;
  }
}

function ViewTabs() {
  const active = useAppStore(selectActiveView);
  const setActive = useAppStore(selectSetActiveView);
  const tabRefs = useRef<Partial<Record<ViewId, HTMLButtonElement | null>>>({});
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    // Arrows move from the focused tab (WAI-ARIA tabs pattern), which is usually the active one.
    const focused = (e.target as HTMLElement).dataset.view as ViewId | undefined;
    const i = VIEW_IDS.indexOf(focused ?? active);
    const moves: Record<string, number> = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: VIEW_IDS.length - 1 };
    if (!(e.key in moves)) return;
    e.preventDefault();
    const next = VIEW_IDS[(moves[e.key] + VIEW_IDS.length) % VIEW_IDS.length];
    setActive(next);
    tabRefs.current[next]?.focus();
  };
  return (
    <div role="tablist" aria-label="Views" className="flex gap-1" onKeyDown={onKeyDown}>
      {VIEW_IDS.map((view) => {
        const selected = view === active;
        return (
          <button
            key={view}
            ref={(el) => {
              tabRefs.current[view] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${view}`}
            data-view={view}
            aria-selected={selected}
            aria-controls={`panel-${view}`}
            tabIndex={selected ? 0 : -1}
            onClick={() => setActive(view)}
            className={`-mb-px border-b-2 px-3 py-2.5 text-sm font-medium ${
              selected ? 'border-sky-700 text-sky-800' : 'border-transparent text-slate-600 hover:text-slate-900'
            }`}
          >
            {VIEW_TITLES[view]}
          </button>
        );
      })}
    </div>
  );
}

export function App() {
  // First: the link's state is in the store before anything reads it.
  const url = useUrlSync();
  const active = useAppStore(selectActiveView);
  return (
    <div className="min-h-screen">
      {/* One bar: title, view tabs (sitting on its bottom border) and "Copy link", so the views start high. */}
      <header className="flex flex-wrap items-end gap-x-8 border-b border-slate-200 bg-white px-6 pt-1.5">
        <div className="pb-1.5">
          <h1 className="text-base leading-snug font-semibold">sched_ext kick pseqs: per-CPU arrays, RCU and the races</h1>
          <p className="text-[11px] text-slate-500">
            Linux 14c1da3895a1 (“Allocate scx_kick_cpus_pnt_seqs lazily using kvzalloc()”) and its fix 05e63305c85c
          </p>
        </div>
        <nav>
          <ViewTabs />
        </nav>
        <div className="ml-auto self-center py-1.5">
          <CopyLinkButton />
        </div>
      </header>
      <UrlAlert issues={url.issues} onDismiss={url.dismiss} />
      <main className="px-6 pt-3 pb-6">
        <div role="tabpanel" id={`panel-${active}`} aria-labelledby={`tab-${active}`}>
          {renderView(active)}
        </div>
      </main>
    </div>
  );
}
