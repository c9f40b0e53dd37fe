// The lessons slice and the stored progress: opening clamps to the lesson's steps, answers are recorded
// once per question step, progress survives a save and load, and stored data that is not ours is dropped.
import { beforeEach, describe, expect, it } from 'vitest';
import { LESSONS } from '../../src/lessons/lessonCatalog.ts';
import {
  answerOf,
  EMPTY_PROGRESS,
  loadProgress,
  PROGRESS_STORAGE_KEY,
  saveProgress,
  withAnswer,
} from '../../src/lessons/lessonProgress.ts';
import { useAppStore } from '../../src/state/store.ts';

const lesson = LESSONS[1];
const questionStep = lesson.steps.findIndex((s) => s.question);

/** A Storage stand-in over a Map. */
function memoryStorage() {
  const m = new Map<string, string>();
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
    raw: m,
  };
}

beforeEach(() => useAppStore.setState(useAppStore.getInitialState(), true));

describe('the lessons slice', () => {
  it('opens a lesson at a step clamped to its steps, and an unknown id as no lesson', () => {
    const s = useAppStore.getState();
    s.openLesson(lesson.id, 999);
    expect(useAppStore.getState()).toMatchObject({ lessonId: lesson.id, lessonStep: lesson.steps.length - 1 });
    s.openLesson('no-such-lesson', 2);
    expect(useAppStore.getState()).toMatchObject({ lessonId: null, lessonStep: 0 });
  });

  it('records how far the learner got and each answer, and resets them', () => {
    const s = useAppStore.getState();
    s.openLesson(lesson.id, 0);
    s.setLessonStep(questionStep);
    s.answerLesson(lesson.id, questionStep, 'no');
    const p = useAppStore.getState().lessonProgress;
    expect(p[lesson.id]).toEqual({ answers: { [String(questionStep)]: 'no' }, furthest: questionStep });
    s.setLessonStep(0);
    expect(useAppStore.getState().lessonProgress[lesson.id].furthest).toBe(questionStep);
    s.resetLessonProgress();
    expect(useAppStore.getState().lessonProgress).toEqual(EMPTY_PROGRESS);
  });
});

describe('stored progress', () => {
  it('round-trips through storage, and an empty progress removes the key', () => {
    const storage = memoryStorage();
    const p = withAnswer(EMPTY_PROGRESS, lesson.id, questionStep, 'yes');
    saveProgress(p, storage);
    expect(loadProgress(storage)).toEqual(p);
    expect(answerOf(loadProgress(storage), lesson.id, questionStep)).toBe('yes');
    saveProgress(EMPTY_PROGRESS, storage);
    expect(storage.raw.has(PROGRESS_STORAGE_KEY)).toBe(false);
  });

  it('drops stored data that is not JSON or not in our shape', () => {
    const storage = memoryStorage();
    storage.setItem(PROGRESS_STORAGE_KEY, '{not json');
    expect(loadProgress(storage)).toEqual(EMPTY_PROGRESS);
    storage.setItem(PROGRESS_STORAGE_KEY, JSON.stringify({ x: { answers: { 1: 'a' }, furthest: -3 } }));
    expect(loadProgress(storage)).toEqual(EMPTY_PROGRESS);
    expect(loadProgress(null)).toEqual(EMPTY_PROGRESS);
  });
});
