// The pnt_seq rule, shared by the races and explore views: a preset (6.17, or a379fa1e2cae as shipped with both
// commits of its series) and the two commits as separate switches, each with its commit id. Mixing them makes
// the rule "custom" (workers/model/README.md#pnt_seq-where-it-is-bumped).
import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { PntRule } from '../../workers/api.ts';
import { KICK_RULE_INFO, KICK_RULE_NAMES } from '../../workers/model/constants.ts';
import { useAppStore } from '../state/store.ts';
import { LabeledSelect } from '../ui/LabeledSelect.tsx';

const RULE_TEXT: Record<PntRule | 'custom', string> = {
  '6.17': '6.17 (default): neither commit. pnt_seq moves only when an SCX task switches to a non-SCX one (switch_class()).',
  a379fa1e2cae:
    'Both commits, as v6.19 and 6.18.y ship them: pnt_seq moves on every put_prev_task_scx() and pick_task_scx(); CPUs running a higher class are not kicked or waited on.',
  custom: 'One of the two commits without the other: not a kernel anyone shipped, but it shows what each line does.',
};

export function PntRuleControls({ compact = false }: { compact?: boolean }) {
  // Flat fields: useShallow compares one level deep, so a nested object would be new on every call.
  const rules = useAppStore(
    useShallow((s) => ({
      pntRule: s.raceParams.pntRule,
      skipHigherClass: s.raceParams.skipHigherClass,
      bumpOnPick: s.raceParams.bumpOnPick,
    })),
  );
  const rule = rules.pntRule;
  const setRule = useAppStore((s) => s.setRacePntRule);
  const setKickRule = useAppStore((s) => s.setRaceKickRule);
  const idBase = useId();
  return (
    <div className={compact ? 'flex flex-row flex-wrap items-end gap-x-3 gap-y-1' : 'flex flex-col gap-1.5'}>
      <LabeledSelect
        label="pnt_seq rule"
        selectClassName={compact ? 'max-w-44' : 'max-w-xs'}
        value={rule}
        help={compact ? undefined : RULE_TEXT[rule]}
        helpWidth="max-w-md"
        onChange={(v) => setRule(v as PntRule)}
      >
        <option value="6.17">6.17 (default)</option>
        <option value="a379fa1e2cae">a379fa1e2cae series (6.19, 6.18.y)</option>
        <option value="custom" disabled>
          custom: one commit without the other
        </option>
      </LabeledSelect>
      <div className="flex flex-col gap-1">
        {KICK_RULE_NAMES.map((name) => {
          const info = KICK_RULE_INFO[name];
          const id = `${idBase}-${name}`;
          return (
            <div key={name} className="flex items-start gap-2 text-sm">
              <input
                id={id}
                type="checkbox"
                className="mt-1 accent-sky-700"
                checked={rules[name]}
                aria-describedby={`${id}-commit`}
                onChange={(e) => setKickRule(name, e.currentTarget.checked)}
              />
              <div className="max-w-md">
                <label htmlFor={id} className="text-xs font-semibold">
                  {info.title}
                </label>{' '}
                <code className="text-xs text-slate-700">{info.commit}</code>
                <p id={`${id}-commit`} className={compact ? 'sr-only' : 'text-xs text-slate-600'}>
                  Upstream {info.commit}: {info.what}.
                </p>
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}
