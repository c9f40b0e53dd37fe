// One kernel of the comparison: a kernel version, or a variant with its pnt_seq rule and (under
// "Toggles") the four switches. A group named "Kernel A" or "Kernel B", so its fields keep short names.
import { useId } from 'react';
import type { PntRule, VariantName } from '../../workers/api.ts';
import { TOGGLE_NAMES, VARIANTS } from '../../workers/model/constants.ts';
import { useAppStore } from '../state/store.ts';
import { LabeledSelect } from '../ui/LabeledSelect.tsx';
import type { Side } from './alignSteps.ts';
import { sideToggles } from './compareConfig.ts';
import { KernelVersionSelect } from './KernelVersionSelect.tsx';

const VARIANT_TEXT: Record<VariantName, string> = {
  before: 'before (v6.17: percpu arrays at boot)',
  'no-rcu': 'no-rcu (14c1da3895a1 v1, kvfree at once)',
  merged: 'merged (14c1da3895a1)',
  fixed: 'fixed (+ 05e63305c85c)',
};

export function KernelSidePicker({ side }: { side: Side }) {
  const k = useAppStore((s) => s.compareParams[side]);
  const setKernel = useAppStore((s) => s.setCompareKernel);
  const setVariant = useAppStore((s) => s.setCompareVariant);
  const setRule = useAppStore((s) => s.setCompareRule);
  const setToggle = useAppStore((s) => s.setCompareToggle);
  const idBase = useId();
  const toggles = sideToggles(k);
  const name = side === 'a' ? 'Kernel A' : 'Kernel B';
  return (
    <fieldset className="flex flex-wrap items-start gap-x-3 gap-y-2 rounded border border-slate-200 px-3 pt-1 pb-2">
      <legend className={`px-1 text-xs font-semibold ${side === 'a' ? 'text-sky-800' : 'text-fuchsia-800'}`}>{name}</legend>
      <KernelVersionSelect value={k.kernel} onChange={(id) => setKernel(side, id)} />
      <LabeledSelect label="Variant" value={k.variant} onChange={(v) => setVariant(side, v as VariantName)}>
        {VARIANTS.map((v) => (
          <option key={v} value={v}>
            {VARIANT_TEXT[v]}
          </option>
        ))}
        {k.variant === 'custom' && (
          <option value="custom" disabled>
            custom — toggles changed by hand
          </option>
        )}
      </LabeledSelect>
      <LabeledSelect label="pnt_seq rule" value={k.pntRule} onChange={(v) => setRule(side, v as PntRule)}>
        <option value="6.17">6.17 (switch_class())</option>
        <option value="a379fa1e2cae">a379fa1e2cae (6.18.10, v6.19)</option>
      </LabeledSelect>
      <details className="mt-5 text-sm open:mt-1 open:basis-full">
        <summary className="cursor-pointer text-xs font-medium text-slate-700">Toggles</summary>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {TOGGLE_NAMES.map((t) => (
            <span key={t} className="flex items-center gap-1">
              <input
                id={`${idBase}-${t}`}
                type="checkbox"
                className="accent-sky-700"
                checked={toggles[t]}
                onChange={(e) => setToggle(side, t, e.currentTarget.checked)}
              />
              <label htmlFor={`${idBase}-${t}`} className="font-mono text-xs">
                {t}
              </label>
            </span>
          ))}
        </div>
      </details>
    </fieldset>
  );
}
