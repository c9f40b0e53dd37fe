// The list of lessons with each one's progress, and "Reset progress". A lesson is a button: the open one
// is marked with aria-current, so the list works as the lessons view's navigation.
import { useAppStore } from '../state/store.ts';
import { LESSONS } from './lessonCatalog.ts';
import type { LessonProgress } from './lessonProgress.ts';
import type { Lesson } from './lessonSchema.ts';

/** "2 of 3 questions · done" for a lesson's progress. */
export function progressText(lesson: Lesson, p: LessonProgress | undefined): string {
  const questions = lesson.steps.filter((s) => s.question).length;
  const answered = p ? lesson.steps.filter((s, i) => s.question && p.answers[String(i)] !== undefined).length : 0;
  const done = p !== undefined && p.furthest >= lesson.steps.length - 1 && answered === questions;
  if (!p) return 'not started';
  return `${answered} of ${questions} questions${done ? ' · done' : ''}`;
}

export function LessonList() {
  const openId = useAppStore((s) => s.lessonId);
  const progress = useAppStore((s) => s.lessonProgress);
  const openLesson = useAppStore((s) => s.openLesson);
  const reset = useAppStore((s) => s.resetLessonProgress);
  const started = Object.keys(progress).length > 0;
  return (
    <nav aria-label="Lessons" className="flex min-w-0 flex-col gap-2 rounded border border-slate-200 bg-white p-3">
      <h3 className="text-sm font-semibold">Lessons</h3>
      <ol className="flex flex-col gap-1">
        {LESSONS.map((l) => {
          const current = l.id === openId;
          const p = progress[l.id];
          return (
            <li key={l.id}>
              <button
                type="button"
                aria-current={current ? 'true' : undefined}
                onClick={() => openLesson(l.id, current ? useAppStore.getState().lessonStep : (p?.furthest ?? 0))}
                className={`w-full rounded px-2 py-1.5 text-left text-sm ${
                  current ? 'bg-sky-100 font-medium text-sky-950' : 'text-slate-800 hover:bg-slate-100'
                }`}
              >
                <span className="block">{l.title}</span>
                <span className="block text-xs text-slate-600">{progressText(l, p)}</span>
              </button>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        onClick={reset}
        disabled={!started}
        className="self-start rounded border border-slate-300 px-2 py-1 text-xs text-slate-800 hover:bg-slate-100 disabled:text-slate-500"
      >
        Reset progress
      </button>
    </nav>
  );
}
