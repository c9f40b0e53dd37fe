// The lessons view's link keys: `lesson` (a lesson id) and `lstep` (its step, 1-based), written only when
// a lesson is open, read back exactly, and bad values reported with what was used instead. Old links
// (without them) still open, on the list of lessons.
import { MODEL_VERSION } from '../../workers/model/constants.ts';
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../src/lessons/lessonCatalog.ts';
import { decodeUrlState, encodeUrlState } from '../../src/url/urlCodec.ts';
import { DEFAULT_URL_STATE, isValidUrlState, type UrlState } from '../../src/url/urlSchema.ts';

const makeState = (p: Partial<UrlState> = {}): UrlState => ({ ...DEFAULT_URL_STATE, ...p });
const first = LESSONS[0];
const second = LESSONS[1];

describe('lesson links', () => {
  it('write the lesson and its 1-based step, and leave both out when no lesson is open', () => {
    expect(encodeUrlState(makeState({ view: 'lessons' }))).toBe(`v=1&m=${MODEL_VERSION}&view=lessons`);
    expect(encodeUrlState(makeState({ view: 'lessons', lesson: second.id, lessonStep: 2 }))).toBe(
      `v=1&m=${MODEL_VERSION}&view=lessons&lesson=${second.id}&lstep=3`,
    );
    expect(encodeUrlState(makeState({ view: 'lessons', lesson: first.id, lessonStep: 0 }))).toBe(
      `v=1&m=${MODEL_VERSION}&view=lessons&lesson=${first.id}`,
    );
  });

  it('round-trip every step of every lesson', () => {
    for (const l of LESSONS) {
      for (let i = 0; i < l.steps.length; i++) {
        const s = makeState({ view: 'lessons', lesson: l.id, lessonStep: i });
        expect(isValidUrlState(s)).toBe(true);
        const r = decodeUrlState(encodeUrlState(s));
        expect(r.issues).toEqual([]);
        expect(r.state).toEqual(s);
      }
    }
  });

  it('an old link without lesson keys opens with no lesson, and no issue', () => {
    const r = decodeUrlState('?v=1&m=1&view=races&cpus=4&variant=no-rcu&step=31');
    // Its only messages are the model version's (and the irq_work delivery it was made with).
    expect(r.issues.map((i) => i.key)).toEqual(['m', 'dlv']);
    expect(r.state).toMatchObject({ view: 'races', lesson: null, lessonStep: 0, step: 31 });
  });

  it('report an unknown lesson and show the list', () => {
    const r = decodeUrlState('?view=lessons&lesson=nope&lstep=2');
    expect(r.state).toMatchObject({ lesson: null, lessonStep: 0 });
    expect(r.issues.map((i) => i.message)).toEqual([
      expect.stringMatching(/^lesson=nope is not a known lesson \(.*\); showing the list of lessons$/),
    ]);
  });

  it('clamp a step past the lesson to its last step, saying so', () => {
    const r = decodeUrlState(`?view=lessons&lesson=${first.id}&lstep=99`);
    expect(r.state.lessonStep).toBe(first.steps.length - 1);
    expect(r.issues.map((i) => i.message)).toEqual([`lstep=99 is out of range (1–${first.steps.length}); using ${first.steps.length}`]);
  });

  it('ignore a step without a lesson, saying so', () => {
    const r = decodeUrlState('?view=lessons&lstep=2');
    expect(r.state).toMatchObject({ lesson: null, lessonStep: 0 });
    expect(r.issues.map((i) => i.message)).toEqual(['lstep=2 needs a lesson; ignored']);
  });

  it('the schema rejects a step that is not one of the lesson’s', () => {
    expect(isValidUrlState(makeState({ lesson: first.id, lessonStep: first.steps.length }))).toBe(false);
    expect(isValidUrlState(makeState({ lesson: null, lessonStep: 1 }))).toBe(false);
  });
});
