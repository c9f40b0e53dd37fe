// Every lesson runs to its end against the model: each step's run is a real run, each step is inside it,
// every check of a step's text holds at that step, and every question's correct choice is the model's
// answer there (and no wrong choice is). A lesson that no longer matches the model fails here.
import { describe, expect, it } from 'vitest';
import { LESSON_ERRORS, LESSON_FILES, LESSONS } from '../../src/lessons/lessonCatalog.ts';
import { evaluateQuery, type QueryContext } from '../../src/lessons/lessonQuery.ts';
import { parseLesson, runAtStep, shownModelStep, type Lesson, type LessonRun } from '../../src/lessons/lessonSchema.ts';
import { run, type RunRecord } from '../../workers/model/sched/run.ts';
import { stepView } from '../../workers/model/sched/stepView.ts';
import { makeRunConfig } from '../../workers/model/sched/variants.ts';

const runs = new Map<string, RunRecord>();
function runOf(r: LessonRun): RunRecord {
  const key = JSON.stringify(r);
  let rec = runs.get(key);
  if (!rec) {
    rec = run(
      makeRunConfig({
        scenario: r.scenario,
        variant: r.variant,
        cpus: r.cpus,
        pntRule: r.pntRule,
        irqWork: r.irqWork,
        irqDelivery: r.irqDelivery,
      }),
    );
    runs.set(key, rec);
  }
  return rec;
}

function contextAt(rec: RunRecord, step: number): QueryContext {
  return { view: stepView(rec, step), verdict: rec.result.verdict };
}

describe('lesson files', () => {
  it('all fit the schema', () => {
    expect(LESSON_ERRORS).toEqual([]);
    expect(LESSONS).toHaveLength(LESSON_FILES.length);
  });

  it('have at least five lessons with distinct ids, each with a question', () => {
    expect(LESSONS.length).toBeGreaterThanOrEqual(5);
    expect(new Set(LESSONS.map((l) => l.id)).size).toBe(LESSONS.length);
    for (const l of LESSONS)
      expect(
        l.steps.some((s) => s.question),
        l.id,
      ).toBe(true);
  });

  it('a bad file is rejected with the path of its first problem', () => {
    const bad = structuredClone(LESSON_FILES[0].data) as { steps: { question?: { correct: string } }[] };
    const q = bad.steps.find((s) => s.question)!.question!;
    q.correct = 'no-such-choice';
    const r = parseLesson(bad, 'bad.json');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/^bad\.json: .*the correct choice is one of the choices/);
    const r2 = parseLesson({ ...(LESSON_FILES[0].data as object), run: { scenario: 'nope', variant: 'merged', cpus: 4 } }, 'x.json');
    expect(!r2.ok && r2.error).toMatch(/^x\.json: run\.scenario: /);
  });
});

describe.each(LESSONS.map((l) => [l.id, l] as [string, Lesson]))('lesson %s runs to its end against the model', (_id, lesson) => {
  it('every step is a step of its run, and every check of its text holds there', () => {
    lesson.steps.forEach((step, i) => {
      const rec = runOf(runAtStep(lesson, i));
      expect(rec.result.truncated, `step ${i}: run truncated`).toBe(false);
      expect(step.at, `step ${i} ("${step.title}") is past the end of its run`).toBeLessThanOrEqual(rec.result.steps);
      const ctx = contextAt(rec, step.at);
      for (const { equals, ...query } of step.checks) {
        expect(evaluateQuery(query, ctx), `step ${i} ("${step.title}"): ${JSON.stringify(query)}`).toEqual(equals);
      }
    });
  });

  it('every question: the correct choice is the model state at that step, and no other choice is', () => {
    lesson.steps.forEach((step, i) => {
      if (!step.question) return;
      const q = step.question;
      const rec = runOf(runAtStep(lesson, i));
      const answer = evaluateQuery(q.answer, contextAt(rec, step.at));
      const correct = q.choices.find((c) => c.id === q.correct)!;
      expect(correct.value, `step ${i}: "${q.prompt}"`).toEqual(answer);
      for (const c of q.choices) if (c !== correct) expect(c.value, `step ${i}: wrong choice "${c.label}"`).not.toEqual(answer);
    });
  });

  it('steps on one run move forwards, and a question is asked before its answer is shown', () => {
    lesson.steps.forEach((step, i) => {
      if (i > 0 && !step.run) expect(step.at, `step ${i}`).toBeGreaterThanOrEqual(lesson.steps[i - 1].at);
      if (step.question) expect(shownModelStep(lesson, i, false), `step ${i}`).toBeLessThan(step.at);
      expect(shownModelStep(lesson, i, true)).toBe(step.at);
    });
  });
});
