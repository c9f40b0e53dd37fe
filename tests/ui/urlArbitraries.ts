// fast-check arbitraries shared by the link codec's tests.
import fc from 'fast-check';
import type { Toggles } from '../../workers/api.ts';
import {
  IRQ_DELIVERIES,
  IRQ_WORK_MODES,
  KVMALLOC_PATHS,
  PAGE_SIZES,
  pntRuleOf,
  SCENARIOS,
  VARIANTS,
} from '../../workers/model/constants.ts';
import { FAIL_ALLOC_MAX, RACE_MAX_STEPS, RACE_POLICIES } from '../../src/races/raceConfig.ts';
import type { KvmallocPath } from '../../src/races/raceConfig.ts';
import { VIEW_IDS } from '../../src/state/paramsSlice.ts';
import { isPresetToggles, URL_GRID_DESIGNS, type UrlState } from '../../src/url/urlSchema.ts';
import { LESSONS } from '../../src/lessons/lessonCatalog.ts';
import { compareUrlStateArb } from './compareArbitraries.ts';

/** Actor ids in the model's canonical spelling. */
export const actorIdArb = fc.oneof(
  fc.constantFrom('boot', 'disable', 'gp', 'enable:A', 'enable:B'),
  fc.tuple(fc.constantFrom('bpf', 'irq', 'sched', 'wake', 'qs', 'cb'), fc.integer({ min: 0, max: 16383 })).map(([k, c]) => `${k}:${c}`),
);

const togglesArb: fc.Arbitrary<Toggles> = fc.record({
  lazyAlloc: fc.boolean(),
  rcuFree: fc.boolean(),
  nullCheck: fc.boolean(),
  allocAfterStateCheck: fc.boolean(),
});

const variantArb = fc.oneof(
  fc.constantFrom(...VARIANTS).map((variant) => ({ variant, toggles: null })),
  togglesArb.filter((t) => !isPresetToggles(t)).map((toggles) => ({ variant: 'custom' as const, toggles })),
);

/** No lesson, or a lesson with one of its steps. */
const lessonArb = fc.oneof(
  fc.constant({ lesson: null, lessonStep: 0 }),
  fc
    .constantFrom(...LESSONS)
    .chain((l) => fc.integer({ min: 0, max: l.steps.length - 1 }).map((lessonStep) => ({ lesson: l.id, lessonStep }))),
);

const windowArb = fc.option(
  fc
    .tuple(fc.integer({ min: 0, max: RACE_MAX_STEPS * 10 }), fc.integer({ min: 0, max: RACE_MAX_STEPS * 10 }))
    .filter(([a, b]) => a !== b)
    .map(([a, b]) => [Math.min(a, b) / 10, Math.max(a, b) / 10] as const),
  { nil: null },
);

/** Valid link states (custom toggles only when they are no preset's; windows in tenths of a step). */
export const urlStateArb: fc.Arbitrary<UrlState> = fc
  .record({
    view: fc.constantFrom(...VIEW_IDS),
    cpus: fc.integer({ min: 1, max: 16384 }),
    pageSize: fc.constantFrom(...PAGE_SIZES),
    nodes: fc.integer({ min: 1, max: 16 }),
    logScale: fc.boolean(),
    gridDesign: fc.constantFrom(...URL_GRID_DESIGNS),
    scenario: fc.constantFrom(...SCENARIOS),
    v: variantArb,
    rules: fc.record({ skipHigherClass: fc.boolean(), bumpOnPick: fc.boolean() }),
    seed: fc.integer({ min: 0, max: 0xffffffff }),
    stormKicks: fc.integer({ min: 1, max: 10_000_000 }),
    policy: fc.constantFrom(...RACE_POLICIES),
    kvmallocPath: fc.oneof(
      fc.constantFrom<KvmallocPath>(...KVMALLOC_PATHS, 'seeded'),
      fc.integer({ min: 2, max: 1024 }).map((k): KvmallocPath => `every-${k}`),
    ),
    failSchedAlloc: fc.boolean(),
    irqWork: fc.constantFrom(...IRQ_WORK_MODES),
    irqDelivery: fc.constantFrom(...IRQ_DELIVERIES),
    // -1 (never) often, small call indices often, the whole range sometimes.
    failAllocAt: fc.oneof(fc.constant(-1), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: FAIL_ALLOC_MAX })),
    schedule: fc.array(actorIdArb, { maxLength: 60 }),
    step: fc.integer({ min: 0, max: RACE_MAX_STEPS }),
    window: windowArb,
    exploreSymmetry: fc.boolean(),
    explorePor: fc.boolean(),
    l: lessonArb,
    compare: compareUrlStateArb,
  })
  .map(({ v, l, rules, ...rest }) => ({ ...rest, ...v, ...l, ...rules, pntRule: pntRuleOf(rules) }));
