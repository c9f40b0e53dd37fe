// fast-check arbitraries of the compare view's link state (src/compare/compareUrl.ts).
import fc from 'fast-check';
import type { Toggles } from '../../workers/api.ts';
import {
  KERNEL_VERSIONS,
  PNT_RULES,
  SCENARIOS,
  TOGGLE_NAMES,
  VARIANT_TOGGLES,
  VARIANTS,
  IRQ_DELIVERIES,
} from '../../workers/model/constants.ts';
import { RACE_MAX_STEPS } from '../../src/races/raceConfig.ts';
import type { CompareSide, CompareUrlState } from '../../src/compare/compareConfig.ts';
import { COMPARE_SCHEDULE_KINDS } from '../../src/compare/compareConfig.ts';

const isPreset = (t: Toggles) => VARIANTS.some((v) => TOGGLE_NAMES.every((n) => VARIANT_TOGGLES[v][n] === t[n]));

const actorArb = fc.oneof(
  fc.constantFrom('boot', 'disable', 'gp', 'enable:A', 'enable:B'),
  fc.tuple(fc.constantFrom('bpf', 'irq', 'sched', 'wake', 'qs', 'cb'), fc.integer({ min: 0, max: 8191 })).map(([k, c]) => `${k}:${c}`),
);

export const compareSideArb: fc.Arbitrary<CompareSide> = fc.oneof(
  fc.constantFrom(...KERNEL_VERSIONS).map((k) => ({ kernel: k.id, variant: k.variant, toggles: null, pntRule: k.pntRule })),
  fc
    .tuple(fc.constantFrom(...VARIANTS), fc.constantFrom(...PNT_RULES))
    .map(([variant, pntRule]) => ({ kernel: null, variant, toggles: null, pntRule })),
  fc
    .tuple(
      fc.record({ lazyAlloc: fc.boolean(), rcuFree: fc.boolean(), nullCheck: fc.boolean(), allocAfterStateCheck: fc.boolean() }),
      fc.constantFrom(...PNT_RULES),
    )
    .filter(([t]) => !isPreset(t))
    .map(([toggles, pntRule]) => ({ kernel: null, variant: 'custom' as const, toggles, pntRule })),
);

export const compareUrlStateArb: fc.Arbitrary<CompareUrlState> = fc
  .record({
    scenario: fc.constantFrom(...SCENARIOS),
    a: compareSideArb,
    b: compareSideArb,
    scheduleKind: fc.constantFrom(...COMPARE_SCHEDULE_KINDS),
    schedule: fc.array(actorArb, { minLength: 1, maxLength: 40 }),
    seed: fc.integer({ min: 0, max: 0xffffffff }),
    irqDelivery: fc.constantFrom(...IRQ_DELIVERIES),
    cursor: fc.record({ a: fc.integer({ min: 0, max: RACE_MAX_STEPS }), b: fc.integer({ min: 0, max: RACE_MAX_STEPS }) }),
    window: fc.option(
      fc
        .tuple(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }))
        .filter(([x, y]) => x !== y)
        .map(([x, y]) => [Math.min(x, y) / 10, Math.max(x, y) / 10] as const),
      { nil: null },
    ),
  })
  .map(({ cursor, window, schedule, scheduleKind, ...p }) => ({
    params: { ...p, scheduleKind, schedule: scheduleKind === 'hand' ? schedule : [] },
    cursor,
    window,
  }));
