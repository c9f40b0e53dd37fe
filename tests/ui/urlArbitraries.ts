// fast-check arbitraries shared by the link codec's tests.
import fc from 'fast-check';
import type { Toggles } from '../../workers/api.ts';
import {
  ENOMEM_MAX,
  isPresetToggles,
  STEP_MAX,
  URL_GRID_DESIGNS,
  URL_KVMALLOC_PATHS,
  URL_PAGE_SIZES,
  URL_PNT_RULES,
  URL_POLICIES,
  URL_SCENARIOS,
  URL_VARIANTS,
  URL_VIEWS,
  type UrlState,
} from '../../src/url/urlSchema.ts';

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
  fc.constantFrom(...URL_VARIANTS).map((variant) => ({ variant, toggles: null })),
  togglesArb.filter((t) => !isPresetToggles(t)).map((toggles) => ({ variant: 'custom' as const, toggles })),
);

const windowArb = fc.option(
  fc
    .tuple(fc.integer({ min: 0, max: STEP_MAX * 10 }), fc.integer({ min: 0, max: STEP_MAX * 10 }))
    .filter(([a, b]) => a !== b)
    .map(([a, b]) => [Math.min(a, b) / 10, Math.max(a, b) / 10] as const),
  { nil: null },
);

/** Valid link states (custom toggles only when they are no preset's; windows in tenths of a step). */
export const urlStateArb: fc.Arbitrary<UrlState> = fc
  .record({
    view: fc.constantFrom(...URL_VIEWS),
    cpus: fc.integer({ min: 1, max: 16384 }),
    pageSize: fc.constantFrom(...URL_PAGE_SIZES),
    nodes: fc.integer({ min: 1, max: 16 }),
    logScale: fc.boolean(),
    gridDesign: fc.constantFrom(...URL_GRID_DESIGNS),
    scenario: fc.constantFrom(...URL_SCENARIOS),
    v: variantArb,
    pntRule: fc.constantFrom(...URL_PNT_RULES),
    seed: fc.integer({ min: 0, max: 0xffffffff }),
    stormKicks: fc.integer({ min: 1, max: 10_000_000 }),
    policy: fc.constantFrom(...URL_POLICIES),
    kvmallocPath: fc.constantFrom(...URL_KVMALLOC_PATHS),
    // -1 (never) often, small call indices often, the whole range sometimes.
    failAllocAt: fc.oneof(fc.constant(-1), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: ENOMEM_MAX })),
    schedule: fc.array(actorIdArb, { maxLength: 60 }),
    step: fc.integer({ min: 0, max: STEP_MAX }),
    window: windowArb,
    exploreSymmetry: fc.boolean(),
    explorePor: fc.boolean(),
  })
  .map(({ v, ...rest }) => ({ ...rest, ...v }));
