// One step of the open lesson: where we are, the step's text, its prediction (if any), and the way on:
// Previous, Next (after the prediction is checked), and "Try it yourself" (the same run in the races
// view). Each new step moves focus to its heading, so a keyboard or screen-reader user starts there.
import { irqOptionsLine } from '../races/IrqOptionFields.tsx';
import { useEffect, useRef } from 'react';
import { selectRaceStatusText } from '../races/raceSelectors.ts';
import { useAppStore } from '../state/store.ts';
import { LESSONS } from './lessonCatalog.ts';
import { answerOf } from './lessonProgress.ts';
import { LessonQuestion } from './LessonQuestion.tsx';
import { runAtStep, type Lesson } from './lessonSchema.ts';

const BUTTON =
  'rounded border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-900 hover:bg-slate-100 disabled:text-slate-500 disabled:hover:bg-white';

export function LessonStepPanel({ lesson, index }: { lesson: Lesson; index: number }) {
  const step = lesson.steps[index];
  const run = runAtStep(lesson, index);
  const answered = useAppStore((s) => answerOf(s.lessonProgress, lesson.id, index) !== null);
  const status = useAppStore(selectRaceStatusText);
  const setLessonStep = useAppStore((s) => s.setLessonStep);
  const openLesson = useAppStore((s) => s.openLesson);
  const setActiveView = useAppStore((s) => s.setActiveView);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focusOnStep = useRef(false);
  useEffect(() => {
    if (focusOnStep.current) headingRef.current?.focus();
    focusOnStep.current = false;
  }, [lesson.id, index]);

  const last = index === lesson.steps.length - 1;
  const blocked = step.question !== undefined && !answered;
  const lessonIndex = LESSONS.findIndex((l) => l.id === lesson.id);
  const nextLesson = LESSONS[lessonIndex + 1];
  const go = (f: () => void) => {
    focusOnStep.current = true;
    f();
  };

  return (
    <section aria-labelledby="lesson-step-title" className="flex flex-col gap-3 rounded border border-slate-200 bg-white p-4">
      <div>
        <p className="text-xs text-slate-600">
          {lesson.title} · step {index + 1} of {lesson.steps.length}
        </p>
        <h3 id="lesson-step-title" ref={headingRef} tabIndex={-1} className="text-base font-semibold">
          {step.title}
        </h3>
      </div>
      <p className="max-w-3xl text-sm text-slate-900">{step.text}</p>
      {step.question && (
        <LessonQuestion key={`${lesson.id}-${index}`} lesson={lesson} index={index} question={step.question} run={run} at={step.at} />
      )}
      <p className="font-mono text-xs text-slate-700" aria-live="polite">
        {run.scenario} · {run.variant} · {run.cpus} CPUs · pnt_seq rule {run.pntRule} · {irqOptionsLine(run)} ·{' '}
        {status ?? 'Running the model…'}
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" className={BUTTON} disabled={index === 0} onClick={() => go(() => setLessonStep(index - 1))}>
          Previous step
        </button>
        {!last && (
          <button type="button" className={BUTTON} disabled={blocked} onClick={() => go(() => setLessonStep(index + 1))}>
            Next step
          </button>
        )}
        {last && nextLesson && (
          <button type="button" className={BUTTON} disabled={blocked} onClick={() => go(() => openLesson(nextLesson.id, 0))}>
            Next lesson
          </button>
        )}
        {blocked && <span className="text-xs text-slate-600">Check your prediction to go on.</span>}
        {last && !blocked && <span className="text-xs font-medium text-emerald-800">End of this lesson.</span>}
        <button type="button" className={`${BUTTON} ml-auto`} onClick={() => setActiveView('races')}>
          Try it yourself in the Races view
        </button>
      </div>
    </section>
  );
}
