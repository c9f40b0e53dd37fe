// Every lesson, in order: one JSON file each under src/lessons/data, checked against the schema when the
// app loads (a file that does not fit is left out and named in LESSON_ERRORS, which the view shows).
import oldDesign from './data/1-old-design.json' with { type: 'json' };
import gracePeriod from './data/2-grace-period.json' with { type: 'json' };
import noRcu from './data/3-no-rcu.json' with { type: 'json' };
import callRcu from './data/4-call-rcu.json' with { type: 'json' };
import secondLoad from './data/5-second-load.json' with { type: 'json' };
import kickWaitHang from './data/6-kick-wait-hang.json' with { type: 'json' };
import { parseLesson, type Lesson } from './lessonSchema.ts';

/** The lesson files as imported, with the names the errors use. */
export const LESSON_FILES: readonly { file: string; data: unknown }[] = [
  { file: '1-old-design.json', data: oldDesign },
  { file: '2-grace-period.json', data: gracePeriod },
  { file: '3-no-rcu.json', data: noRcu },
  { file: '4-call-rcu.json', data: callRcu },
  { file: '5-second-load.json', data: secondLoad },
  { file: '6-kick-wait-hang.json', data: kickWaitHang },
];

function loadLessons(): { lessons: Lesson[]; errors: string[] } {
  const lessons: Lesson[] = [];
  const errors: string[] = [];
  for (const { file, data } of LESSON_FILES) {
    const r = parseLesson(data, file);
    if (r.ok) lessons.push(r.lesson);
    else errors.push(r.error);
  }
  return { lessons, errors };
}

const loaded = loadLessons();
export const LESSONS: readonly Lesson[] = loaded.lessons;
/** One line per lesson file that did not fit the schema (empty in a healthy build: tests/ui/lessons.test.ts). */
export const LESSON_ERRORS: readonly string[] = loaded.errors;
export const LESSON_IDS: readonly string[] = LESSONS.map((l) => l.id);

export function findLesson(id: string | null): Lesson | null {
  return LESSONS.find((l) => l.id === id) ?? null;
}
