// A learner's progress, kept in localStorage: per lesson, the choice made at each answered question and
// the furthest step reached. Read through a valibot schema, so stored data from another version (or
// edited by hand) is dropped rather than trusted. The only code that touches localStorage.
import * as v from 'valibot';

export const PROGRESS_STORAGE_KEY = 'scx-kick-pseqs.lessons.v1';

const LessonProgressSchema = v.object({
  /** Question step index (as a string key) → the choice id the learner checked. */
  answers: v.record(v.pipe(v.string(), v.regex(/^[0-9]{1,3}$/)), v.string()),
  /** Furthest step index reached (0-based). */
  furthest: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
const ProgressSchema = v.record(v.string(), LessonProgressSchema);

export type LessonProgress = v.InferOutput<typeof LessonProgressSchema>;
/** Lesson id → its progress. Replaced whole on every change. */
export type Progress = Readonly<Record<string, LessonProgress>>;

export const EMPTY_PROGRESS: Progress = {};

/** Stored progress (or none when storage is missing, unreadable or not ours). */
export function loadProgress(storage: Pick<Storage, 'getItem'> | null = browserStorage()): Progress {
  try {
    const raw = storage?.getItem(PROGRESS_STORAGE_KEY);
    if (!raw) return EMPTY_PROGRESS;
    const parsed = v.safeParse(ProgressSchema, JSON.parse(raw));
    return parsed.success ? parsed.output : EMPTY_PROGRESS;
  } catch {
    return EMPTY_PROGRESS;
  }
}

/** Writes progress (ignored when storage is unavailable or full: progress is a convenience). */
export function saveProgress(p: Progress, storage: Pick<Storage, 'setItem' | 'removeItem'> | null = browserStorage()): void {
  try {
    if (Object.keys(p).length === 0) storage?.removeItem(PROGRESS_STORAGE_KEY);
    else storage?.setItem(PROGRESS_STORAGE_KEY, JSON.stringify(p));
  } catch {
    // Private mode or a full quota: keep going without saving.
  }
}

function browserStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** Progress with `choice` recorded for question step `step` of lesson `id`. */
export function withAnswer(p: Progress, id: string, step: number, choice: string): Progress {
  const cur = p[id] ?? { answers: {}, furthest: 0 };
  return { ...p, [id]: { answers: { ...cur.answers, [String(step)]: choice }, furthest: Math.max(cur.furthest, step) } };
}

/** Progress with step `step` of lesson `id` reached (unchanged when it was already). */
export function withReached(p: Progress, id: string, step: number): Progress {
  const cur = p[id];
  if (cur && cur.furthest >= step) return p;
  return { ...p, [id]: { answers: cur?.answers ?? {}, furthest: step } };
}

/** The choice checked at a question step, or null. */
export function answerOf(p: Progress, id: string, step: number): string | null {
  return p[id]?.answers[String(step)] ?? null;
}
