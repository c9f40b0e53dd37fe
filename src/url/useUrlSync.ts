// The only code that touches window.location and history. The link is read once, before the first
// render (so views start with its state, not the defaults); then every change of a link field writes
// the URL: deliberate changes (view, scenario, variant, toggles, rule, a forked schedule) push a
// history entry at once, continuous ones (sliders, playback, scrubbing, zoom) replace it, debounced.
// Back/Forward (popstate) re-apply the URL to the store. Checks that need the run (a schedule that
// cannot be replayed, a step past the end) report here too. Every URL written keeps the page's own
// path (the app may be deployed under any sub-path): only the query changes.
import { useEffect, useState } from 'react';
import { shallow } from 'zustand/shallow';
import type { AppState } from '../state/store.ts';
import { useAppStore } from '../state/store.ts';
import { decodeUrlState, encodeUrlState, type UrlIssue } from './urlCodec.ts';
import type { UrlState } from './urlSchema.ts';
import { isScheduleError, scheduleRunIssue, stepPastEndIssue } from './urlRunChecks.ts';
import { deliberateKey, restoreUrlState, selectUrlInputs, urlStateOf } from './urlState.ts';

/** Quiet time before a continuous change replaces the history entry, ms. */
export const REPLACE_DEBOUNCE_MS = 250;

interface PendingStepCheck {
  step: number;
  params: AppState['raceParams'];
  cpus: number;
}

/** Module state: one page has one URL. */
let initialIssues: UrlIssue[] | null = null;
let pendingStepCheck: PendingStepCheck | null = null;
/** Set while a URL is being applied: those store changes are not written back as new entries. */
let applying = false;
let flushPending: (() => void) | null = null;

const canonicalQuery = (s: AppState) => `?${encodeUrlState(urlStateOf(s))}`;

/** This page (its path and fragment) with another query. */
function hereWith(query: string): string {
  const { pathname, hash } = window.location;
  return `${pathname}${query}${hash}`;
}

function replaceUrl(query: string): void {
  if (window.location.search !== query) window.history.replaceState(window.history.state, '', hereWith(query));
}

function applyUrlState(u: UrlState): void {
  applying = true;
  try {
    restoreUrlState(useAppStore.getState(), u);
  } finally {
    applying = false;
  }
}

/** Reads the page's URL into the store (once per page) and rewrites it canonically; returns its issues. */
function readInitialUrl(): UrlIssue[] {
  if (initialIssues) return initialIssues;
  const decoded = decodeUrlState(window.location.search);
  applyUrlState(decoded.state);
  const s = useAppStore.getState();
  if (decoded.state.step > 0) pendingStepCheck = { step: decoded.state.step, params: s.raceParams, cpus: s.cpus };
  replaceUrl(canonicalQuery(s));
  initialIssues = decoded.issues;
  return decoded.issues;
}

/** The canonical link to the current state, at this deployment's path (pending URL writes are flushed first). */
/** This page's address without its query or fragment: the base the exports' links are built on. */
export function currentPageUrl(): string {
  const { origin, pathname } = window.location;
  return `${origin}${pathname}`;
}

export function currentShareUrl(): string {
  flushPending?.();
  const { origin, pathname } = window.location;
  return `${origin}${pathname}${canonicalQuery(useAppStore.getState())}`;
}

export interface UrlSyncState {
  /** What in the link could not be used as written (and runtime checks of it). */
  issues: UrlIssue[];
  dismiss: () => void;
}

/** Mount once, first thing in App: restores the link's state and keeps the URL in step with the store. */
export function useUrlSync(): UrlSyncState {
  const [issues, setIssues] = useState<UrlIssue[]>(readInitialUrl);

  useEffect(() => {
    let lastKey = deliberateKey(useAppStore.getState());
    /** The store state of the last continuous change not yet in the URL (its link is made when written). */
    let pendingState: AppState | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const cancelPending = () => {
      clearTimeout(timer);
      timer = undefined;
      pendingState = null;
    };
    const flush = () => {
      const pending = pendingState;
      cancelPending();
      if (pending !== null) replaceUrl(canonicalQuery(pending));
    };
    flushPending = flush;

    // Runs on every step, scrub and zoom frame: only a deliberate change builds a link at once.
    const onInputs = () => {
      if (applying) return;
      const s = useAppStore.getState();
      const key = deliberateKey(s);
      if (key !== lastKey) {
        lastKey = key;
        // The entry we leave keeps where the user was; the new one is the deliberate change.
        flush();
        const query = canonicalQuery(s);
        if (window.location.search !== query) window.history.pushState(null, '', hereWith(query));
        return;
      }
      pendingState = s;
      clearTimeout(timer);
      timer = setTimeout(flush, REPLACE_DEBOUNCE_MS);
    };
    const offInputs = useAppStore.subscribe(selectUrlInputs, onInputs, { equalityFn: shallow });

    /** A store change made for the link itself (not by the user): the URL follows without a new entry. */
    const quietly = (change: () => void) => {
      applying = true;
      try {
        change();
      } finally {
        applying = false;
      }
      cancelPending();
      const s = useAppStore.getState();
      lastKey = deliberateKey(s);
      replaceUrl(canonicalQuery(s));
    };

    const onPopState = () => {
      cancelPending();
      pendingStepCheck = null;
      const decoded = decodeUrlState(window.location.search);
      quietly(() => applyUrlState(decoded.state));
      if (decoded.issues.length) setIssues((prev) => [...prev, ...decoded.issues]);
    };
    window.addEventListener('popstate', onPopState);

    const onRun = (run: AppState['raceRun']) => {
      const s = useAppStore.getState();
      if (run.status === 'error' && run.error && isScheduleError(run.error) && s.raceParams.schedule.length > 0) {
        const error = run.error;
        quietly(() => s.setRaceSchedule([], ''));
        // The step is checked against the run without the schedule.
        const after = useAppStore.getState();
        if (pendingStepCheck?.params === s.raceParams) pendingStepCheck = { ...pendingStepCheck, params: after.raceParams };
        setIssues((prev) => [...prev, scheduleRunIssue(error)]);
        return;
      }
      const check = pendingStepCheck;
      if (run.status !== 'done' || !run.data || !check) return;
      if (s.raceParams !== check.params || s.cpus !== check.cpus) {
        pendingStepCheck = null; // the user changed the inputs before the run came: nothing to check
        return;
      }
      pendingStepCheck = null;
      const steps = run.data.result.steps;
      const issue = stepPastEndIssue(check.step, steps);
      if (issue) {
        if (s.raceStep > steps) quietly(() => s.setRaceStep(steps));
        setIssues((prev) => [...prev, issue]);
      }
    };
    const offRun = useAppStore.subscribe((s) => s.raceRun, onRun);

    return () => {
      flush();
      flushPending = null;
      offInputs();
      offRun();
      window.removeEventListener('popstate', onPopState);
    };
  }, []);

  return { issues, dismiss: () => setIssues([]) };
}
