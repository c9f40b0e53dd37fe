// The explorer's answers under each combination of the two kick-irq-work options (issue 19): for the two race
// scenarios, all four variants, both pnt_seq rules, at 2 and 3 CPUs, complete searches. Each cell is the set of
// checkers some schedule trips. tests/golden/irqTable.json pins them (tests/model/irqTable.test.ts compares);
// workers/model/README.md#explorer-answers-under-each-irq-work-combination holds the table in words.
//
//   npx tsx tests/model/irqTable.ts            print the table (markdown) and check it against the golden
//   npx tsx tests/model/irqTable.ts --update   rewrite tests/golden/irqTable.json
import { readFileSync, writeFileSync } from 'node:fs';
import { explore } from '../../workers/model/sched/explore.ts';
import { makeRunConfig } from '../../workers/model/sched/variants.ts';
import { CHECKERS, CHECKER_TITLES, IRQ_DELIVERIES, IRQ_WORK_MODES, PNT_RULES, VARIANTS } from '../../workers/model/constants.ts';
import type { IrqDelivery, IrqWork, PntRule, ScenarioName, VariantName } from '../../workers/model/sched/types.ts';

export const IRQ_TABLE_FILE = new URL('../golden/irqTable.json', import.meta.url);
export const IRQ_TABLE_SCENARIOS: readonly ScenarioName[] = ['disable-vs-kick', 'load-while-enabled'];
export const IRQ_TABLE_CPUS = [2, 3] as const;

export interface IrqCell {
  scenario: ScenarioName;
  variant: VariantName;
  pntRule: PntRule;
  cpus: number;
  irqWork: IrqWork;
  irqDelivery: IrqDelivery;
  complete: boolean;
  states: number;
  /** The checkers some schedule trips, in CHECKERS order, each with its shortest counterexample's length. */
  found: Record<string, number>;
}

export function irqCells(): Omit<IrqCell, 'complete' | 'states' | 'found'>[] {
  const out: Omit<IrqCell, 'complete' | 'states' | 'found'>[] = [];
  for (const scenario of IRQ_TABLE_SCENARIOS)
    for (const pntRule of PNT_RULES)
      for (const variant of VARIANTS)
        for (const cpus of IRQ_TABLE_CPUS)
          for (const irqWork of IRQ_WORK_MODES)
            for (const irqDelivery of IRQ_DELIVERIES) out.push({ scenario, variant, pntRule, cpus, irqWork, irqDelivery });
  return out;
}

export function computeCell(c: Omit<IrqCell, 'complete' | 'states' | 'found'>): IrqCell {
  const r = explore(makeRunConfig({ ...c }));
  const found: Record<string, number> = {};
  for (const name of CHECKERS) {
    const v = r.violations[name];
    if (v) found[name] = v.steps;
  }
  return { ...c, complete: r.complete, states: r.states, found };
}

export const loadIrqTable = (): IrqCell[] => JSON.parse(readFileSync(IRQ_TABLE_FILE, 'utf8')) as IrqCell[];

const COMBOS: [IrqWork, IrqDelivery][] = IRQ_WORK_MODES.flatMap((w) => IRQ_DELIVERIES.map((d) => [w, d] as [IrqWork, IrqDelivery]));
const comboTitle = ([w, d]: [IrqWork, IrqDelivery]) => `${w}, ${d === 'tick' ? 'tick' : 'self-IPI'}`;

/** The findings of one cell in words: "use-after-free, stuck spin" or "nothing". */
function cellText(cells: IrqCell[], s: ScenarioName, rule: PntRule, v: VariantName, cpus: number, w: IrqWork, d: IrqDelivery): string {
  const c = cells.find(
    (x) => x.scenario === s && x.pntRule === rule && x.variant === v && x.cpus === cpus && x.irqWork === w && x.irqDelivery === d,
  );
  if (!c) return '?';
  const names = Object.keys(c.found).map((k) => CHECKER_TITLES[k as keyof typeof CHECKER_TITLES].replace(' (SCX_KICK_WAIT)', ''));
  return (names.length ? names.join(', ') : 'nothing') + (c.complete ? '' : ' (incomplete)');
}

/** One markdown table per scenario and rule: a row per variant, a column per combination; 2 and 3 CPUs agree or both show. */
export function irqTableMarkdown(cells: IrqCell[]): string {
  const out: string[] = [];
  for (const s of IRQ_TABLE_SCENARIOS)
    for (const rule of PNT_RULES) {
      out.push(`**${s}**, pnt_seq rule ${rule} (2 and 3 CPUs, every schedule)`, '');
      out.push(`| variant | ${COMBOS.map(comboTitle).join(' | ')} |`);
      out.push(`| --- | ${COMBOS.map(() => '---').join(' | ')} |`);
      for (const v of VARIANTS) {
        const row = COMBOS.map(([w, d]) => {
          const [a, b] = IRQ_TABLE_CPUS.map((n) => cellText(cells, s, rule, v, n, w, d));
          return a === b ? a : `${IRQ_TABLE_CPUS[0]}: ${a}; ${IRQ_TABLE_CPUS[1]}: ${b}`;
        });
        out.push(`| ${v} | ${row.join(' | ')} |`);
      }
      out.push('');
    }
  return out.join('\n');
}

if (process.argv[1]?.endsWith('irqTable.ts')) {
  const t0 = performance.now();
  const cells = irqCells().map(computeCell);
  console.log(irqTableMarkdown(cells));
  console.log(
    `${cells.length} searches, ${cells.reduce((a, c) => a + c.states, 0)} states, ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  if (process.argv.includes('--update')) {
    writeFileSync(IRQ_TABLE_FILE, JSON.stringify(cells, null, 1) + '\n');
    console.log(`wrote ${IRQ_TABLE_FILE.pathname}`);
  } else {
    let same: boolean;
    try {
      same = JSON.stringify(loadIrqTable()) === JSON.stringify(cells);
    } catch {
      same = false;
    }
    console.log(same ? 'matches tests/golden/irqTable.json' : 'DIFFERS from tests/golden/irqTable.json (rerun with --update)');
  }
}
