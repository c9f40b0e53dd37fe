// A prediction: the choices as a radio group named by the question, "Check my answer", then the reveal:
// right or not, why, the model's own state at that step (asked through the lesson's query), and every
// choice with its own explanation. The reveal is a live region, so a screen reader hears it.
import { useId, useState, type FormEvent } from 'react';
import { useAppStore } from '../state/store.ts';
import { answerOf } from './lessonProgress.ts';
import { describeQuery, evaluateQuery, formatQueryValue } from './lessonQuery.ts';
import { lessonContext } from './lessonRun.ts';
import type { Lesson, LessonQuestion as Question, LessonRun } from './lessonSchema.ts';

interface Props {
  lesson: Lesson;
  index: number;
  question: Question;
  run: LessonRun;
  /** The model step the answer is about. */
  at: number;
}

function ModelAnswer({ question, run, at }: Pick<Props, 'question' | 'run' | 'at'>) {
  const raceRun = useAppStore((s) => s.raceRun);
  const raceView = useAppStore((s) => s.raceView);
  const ctx = lessonContext({ raceRun, raceView }, run, at);
  if (!ctx) return <p className="text-sm text-slate-600">Loading the model’s state at step {at}…</p>;
  const value = evaluateQuery(question.answer, ctx);
  return (
    <p className="text-sm">
      <span className="font-medium">The model at step {at}:</span> {describeQuery(question.answer)} ={' '}
      <span className="font-mono font-semibold">{formatQueryValue(value)}</span>
    </p>
  );
}

export function LessonQuestion({ lesson, index, question, run, at }: Props) {
  const answered = useAppStore((s) => answerOf(s.lessonProgress, lesson.id, index));
  const answerLesson = useAppStore((s) => s.answerLesson);
  const [choice, setChoice] = useState<string | null>(answered);
  const promptId = useId();
  const name = `lesson-${lesson.id}-${index}`;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (choice && !answered) answerLesson(lesson.id, index, choice);
  };
  const chosen = question.choices.find((c) => c.id === answered);
  const correct = question.choices.find((c) => c.id === question.correct)!;
  const right = answered === question.correct;
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-2 rounded border border-amber-300 bg-amber-50 p-3">
      <div role="radiogroup" aria-labelledby={promptId} className="flex flex-col gap-1">
        <p id={promptId} className="text-sm font-semibold text-slate-900">
          Predict: {question.prompt}
        </p>
        {question.choices.map((c) => (
          <label key={c.id} className="flex items-start gap-2 text-sm text-slate-900">
            <input
              type="radio"
              name={name}
              value={c.id}
              checked={(answered ?? choice) === c.id}
              disabled={answered !== null}
              onChange={() => setChoice(c.id)}
              className="mt-0.5 accent-sky-700"
            />
            <span>{c.label}</span>
          </label>
        ))}
      </div>
      {answered === null && (
        <button
          type="submit"
          disabled={choice === null}
          className="self-start rounded bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800 disabled:bg-slate-400"
        >
          Check my answer
        </button>
      )}
      <div aria-live="polite" className="flex flex-col gap-2">
        {chosen && (
          <>
            <p className={`text-sm font-semibold ${right ? 'text-emerald-800' : 'text-red-800'}`}>
              {right ? 'Correct.' : 'Not quite.'} <span className="font-normal text-slate-900">{chosen.explanation}</span>
            </p>
            {!right && (
              <p className="text-sm text-slate-900">
                <span className="font-medium">The answer: {correct.label}.</span> {correct.explanation}
              </p>
            )}
            <ModelAnswer question={question} run={run} at={at} />
            <p className="text-sm text-slate-900">{question.why}</p>
            <details className="text-sm text-slate-800">
              <summary className="w-fit cursor-pointer text-xs font-medium text-sky-800">Every choice, explained</summary>
              <ul className="mt-1 flex list-disc flex-col gap-1 pl-5">
                {question.choices.map((c) => (
                  <li key={c.id}>
                    <span className="font-medium">
                      {c.label}
                      {c.id === question.correct ? ' (right)' : ' (wrong)'}:
                    </span>{' '}
                    {c.explanation}
                  </li>
                ))}
              </ul>
            </details>
          </>
        )}
      </div>
    </form>
  );
}
