// The lessons view's state: which lesson and step is open (in the link: `lesson`, `lstep`) and the
// learner's progress (in localStorage, through lessonProgress.ts). Answering a question is what reveals
// the model's state at that step, so "revealed" is derived from the progress, never stored twice.
import type { AppStateCreator } from '../state/store.ts';
import { findLesson } from './lessonCatalog.ts';
import { EMPTY_PROGRESS, loadProgress, saveProgress, withAnswer, withReached, type Progress } from './lessonProgress.ts';

export interface LessonsSlice {
  /** The open lesson, or null for the list of lessons. */
  lessonId: string | null;
  /** 0-based step of the open lesson. */
  lessonStep: number;
  lessonProgress: Progress;
  /** Opens a lesson at a step (clamped to its steps); null (or an unknown id) closes it. */
  openLesson: (id: string | null, step?: number) => void;
  setLessonStep: (step: number) => void;
  /** Records the learner's choice at a question step (and saves it). */
  answerLesson: (id: string, step: number, choiceId: string) => void;
  resetLessonProgress: () => void;
}

function clampStep(id: string | null, step: number): number {
  const lesson = findLesson(id);
  if (!lesson || !Number.isFinite(step)) return 0;
  return Math.min(lesson.steps.length - 1, Math.max(0, Math.round(step)));
}

export const createLessonsSlice: AppStateCreator<LessonsSlice> = (set, get) => {
  const setProgress = (next: Progress, action: string) => {
    if (next === get().lessonProgress) return;
    saveProgress(next);
    set({ lessonProgress: next }, undefined, action);
  };
  return {
    lessonId: null,
    lessonStep: 0,
    lessonProgress: loadProgress(),
    openLesson: (id, step = 0) => {
      const known = findLesson(id) ? id : null;
      const next = clampStep(known, step);
      set((s) => (s.lessonId === known && s.lessonStep === next ? s : { lessonId: known, lessonStep: next }), undefined, 'lessons/open');
      if (known) setProgress(withReached(get().lessonProgress, known, next), 'lessons/reached');
    },
    setLessonStep: (step) => {
      const id = get().lessonId;
      const next = clampStep(id, step);
      set((s) => (s.lessonStep === next ? s : { lessonStep: next }), undefined, 'lessons/setStep');
      if (id) setProgress(withReached(get().lessonProgress, id, next), 'lessons/reached');
    },
    answerLesson: (id, step, choiceId) => setProgress(withAnswer(get().lessonProgress, id, step, choiceId), 'lessons/answer'),
    resetLessonProgress: () => setProgress(EMPTY_PROGRESS, 'lessons/resetProgress'),
  };
};
