// The lessons view: guided walks through real model runs, predicting each marked step before seeing it.
// A lesson drives the races view's inputs (lessonRun.ts), so its timeline, CPU grid and code panels are
// the races view's own components, showing the same run "Try it yourself" opens there.
import { useEffect } from 'react';
import { CodePanel } from '../races/CodePanel.tsx';
import { CpuGridPanel } from '../races/CpuGridPanel.tsx';
import { RacesTimelinePanel } from '../races/RacesTimelinePanel.tsx';
import { selectRaceError } from '../races/raceSelectors.ts';
import { useRaceRun } from '../races/useRaceRun.ts';
import { useRaceStepper } from '../races/useRaceStepper.ts';
import { SimErrorAlert } from '../sim/SimErrorAlert.tsx';
import { useAppStore } from '../state/store.ts';
import { ViewIntro } from '../ui/ViewIntro.tsx';
import { findLesson, LESSON_ERRORS } from './lessonCatalog.ts';
import { LessonList } from './LessonList.tsx';
import { answerOf } from './lessonProgress.ts';
import { showLessonRun } from './lessonRun.ts';
import { runAtStep, shownModelStep, type Lesson } from './lessonSchema.ts';
import { LessonStepPanel } from './LessonStepPanel.tsx';

/** The open lesson's run in the shared panels: the step shown follows the lesson step and the reveal. */
function LessonRunPanels({ lesson, index }: { lesson: Lesson; index: number }) {
  const catalogError = useRaceRun();
  useRaceStepper();
  const runError = useAppStore(selectRaceError);
  const answered = useAppStore((s) => answerOf(s.lessonProgress, lesson.id, index) !== null);
  useEffect(() => {
    showLessonRun(useAppStore.getState(), runAtStep(lesson, index), shownModelStep(lesson, index, answered));
  }, [lesson, index, answered]);
  const error = catalogError ?? runError;
  return (
    <>
      {error && <SimErrorAlert message={error} what="the lesson's run" />}
      <div className="grid gap-3 xl:grid-cols-[minmax(0,1fr)_minmax(0,25rem)]">
        <div className="flex min-w-0 flex-col gap-3">
          <RacesTimelinePanel />
          <CodePanel />
        </div>
        <div className="min-w-0">
          <CpuGridPanel />
        </div>
      </div>
    </>
  );
}

function NoLesson() {
  return (
    <section className="rounded border border-slate-200 bg-white p-4 text-sm text-slate-900">
      <h3 className="text-base font-semibold">Choose a lesson</h3>
      <p className="mt-1 max-w-3xl">
        Each lesson walks through one run of the model, step by step. At the marked steps you predict what happens next; then the model
        shows you, with why. Your answers stay in this browser.
      </p>
    </section>
  );
}

export function LessonsView() {
  const lessonId = useAppStore((s) => s.lessonId);
  const index = useAppStore((s) => s.lessonStep);
  const lesson = findLesson(lessonId);
  return (
    <div className="flex flex-col gap-3">
      <ViewIntro title="Lessons: learn RCU by predicting the next step">
        <p>
          Six short lessons on this change: the old design’s memory, a grace period, the use-after-free without RCU, how call_rcu() closes
          it, the second-load leak and its fix, and the 6.17 SCX_KICK_WAIT hang. Every answer is the model’s own state at that step.
        </p>
      </ViewIntro>
      {LESSON_ERRORS.length > 0 && (
        <div role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          Some lessons could not be loaded: {LESSON_ERRORS.join('; ')}
        </div>
      )}
      <div className="grid gap-3 lg:grid-cols-[17rem_minmax(0,1fr)]">
        <LessonList />
        <div className="flex min-w-0 flex-col gap-3">
          {lesson ? <LessonStepPanel lesson={lesson} index={index} /> : <NoLesson />}
          {lesson && <LessonRunPanels lesson={lesson} index={index} />}
        </div>
      </div>
    </div>
  );
}
