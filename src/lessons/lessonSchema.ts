// What a lesson file (src/lessons/data/*.json) may hold, as a valibot schema: the run it is built on, its
// steps (a model step each, a short text, optional checks of the text's claims) and, at marked steps, a
// question whose answer is a query to the model (lessonQuery.ts). Parsing reports the first bad field.
import * as v from 'valibot';
import {
  CELL_STATES,
  DEFAULT_IRQ_DELIVERY,
  DEFAULT_IRQ_WORK,
  EVENT_KINDS,
  IRQ_DELIVERIES,
  IRQ_WORK_MODES,
  MAX_SCHED_CPUS,
  PNT_RULES,
  SCENARIOS,
  VARIANTS,
} from '../../workers/model/constants.ts';
import { MEMORY_FIELDS, RCU_FIELDS, VERDICT_FIELDS, type LessonQuery } from './lessonQuery.ts';

const cpu = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_SCHED_CPUS - 1));
const text = v.pipe(v.string(), v.trim(), v.minLength(1));
const value = v.union([v.string(), v.number(), v.boolean()]);

const queryEntries = {
  cell: { cpu },
  cellCount: { state: v.picklist(CELL_STATES) },
  inReader: { cpu },
  qsOwed: { cpu },
  irq: { cpu },
  rcu: { field: v.picklist(RCU_FIELDS) },
  memory: { field: v.picklist(MEMORY_FIELDS) },
  enableState: {},
  event: { kind: v.picklist(EVENT_KINDS) },
  verdict: { field: v.picklist(VERDICT_FIELDS) },
} as const;

type QueryName = keyof typeof queryEntries;

/** A query object, exactly its own fields (`extra` adds fields such as a check's `equals`). */
function querySchemas<T extends v.ObjectEntries>(extra: T) {
  return (Object.keys(queryEntries) as QueryName[]).map((name) =>
    v.strictObject({ query: v.literal(name), ...queryEntries[name], ...extra }),
  );
}

export const LessonQuerySchema = v.variant('query', querySchemas({})) as unknown as v.GenericSchema<LessonQuery>;
export const LessonCheckSchema = v.variant('query', querySchemas({ equals: value })) as unknown as v.GenericSchema<
  LessonQuery & { equals: string | number | boolean }
>;

export const LessonRunSchema = v.strictObject({
  scenario: v.picklist(SCENARIOS),
  variant: v.picklist(VARIANTS),
  cpus: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_SCHED_CPUS)),
  pntRule: v.optional(v.picklist(PNT_RULES), '6.17'),
  /** How the kick irq work runs and is delivered (the model's options; defaults: hard irq, self-interrupt). */
  irqWork: v.optional(v.picklist(IRQ_WORK_MODES), DEFAULT_IRQ_WORK),
  irqDelivery: v.optional(v.picklist(IRQ_DELIVERIES), DEFAULT_IRQ_DELIVERY),
});

const ChoiceSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/)),
  label: text,
  /** The model value this choice stands for (the learner is right when it is the model's). */
  value,
  /** Why this choice is right or, for a wrong one, what it misses. */
  explanation: text,
});

export const LessonQuestionSchema = v.pipe(
  v.strictObject({
    prompt: text,
    choices: v.pipe(v.array(ChoiceSchema), v.minLength(2), v.maxLength(5)),
    correct: v.string(),
    answer: LessonQuerySchema,
    /** What the reveal says after the model's state, for everyone. */
    why: text,
  }),
  v.check((q) => q.choices.some((c) => c.id === q.correct), 'the correct choice is one of the choices'),
  v.check((q) => new Set(q.choices.map((c) => c.id)).size === q.choices.length, 'choice ids are distinct'),
  v.check((q) => new Set(q.choices.map((c) => JSON.stringify(c.value))).size === q.choices.length, 'choice values are distinct'),
);

export const LessonStepSchema = v.strictObject({
  /** The model step shown (the state after `at` steps; a question shows the previous lesson step's until answered). */
  at: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** From this step on, the lesson's run with these fields changed (e.g. more CPUs). */
  run: v.optional(v.partial(LessonRunSchema)),
  title: text,
  text,
  checks: v.optional(v.array(LessonCheckSchema), []),
  question: v.optional(LessonQuestionSchema),
});

export const LessonSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/)),
  title: text,
  summary: text,
  run: LessonRunSchema,
  steps: v.pipe(v.array(LessonStepSchema), v.minLength(1)),
});

export type LessonRun = v.InferOutput<typeof LessonRunSchema>;
export type LessonQuestion = v.InferOutput<typeof LessonQuestionSchema>;
export type LessonStep = v.InferOutput<typeof LessonStepSchema>;
export type Lesson = v.InferOutput<typeof LessonSchema>;

export type ParseLessonResult = { ok: true; lesson: Lesson } | { ok: false; error: string };

/** A lesson file checked against the schema; a bad one gives its first problem with the path to it. */
export function parseLesson(data: unknown, source: string): ParseLessonResult {
  const r = v.safeParse(LessonSchema, data);
  if (r.success) return { ok: true, lesson: r.output };
  const issue = r.issues[0];
  const path = v.getDotPath(issue) ?? '(top level)';
  return { ok: false, error: `${source}: ${path}: ${issue.message}` };
}

/** The run a lesson step is shown on: the lesson's run with the patches of this and earlier steps. */
export function runAtStep(lesson: Lesson, index: number): LessonRun {
  let run = lesson.run;
  for (let i = 0; i <= index && i < lesson.steps.length; i++) {
    const patch = lesson.steps[i].run;
    if (patch) run = { ...run, ...patch };
  }
  return run;
}

/** The model step a lesson step shows: before a question is answered, the previous lesson step's (on the same run). */
export function shownModelStep(lesson: Lesson, index: number, answered: boolean): number {
  const step = lesson.steps[index];
  if (!step.question || answered) return step.at;
  if (index === 0 || step.run) return 0;
  return lesson.steps[index - 1].at;
}
