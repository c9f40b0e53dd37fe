// The "Kernel version" picker: released kernels mapped to a variant and pnt_seq rule (KERNEL_VERSIONS in
// workers/model/constants.ts, sources in workers/model/README.md). A mapping not checked against a primary
// source says "unverified". Used by the compare view (per kernel) and the races view.
import { KERNEL_VERSIONS, kernelVersion } from '../../workers/model/constants.ts';
import { LabeledSelect } from '../ui/LabeledSelect.tsx';

/** Option value of "no version: the variant and rule as chosen". */
export const NO_KERNEL = '';

export function kernelOptionText(id: string): string {
  const k = kernelVersion(id);
  if (!k) return id;
  return `${k.label} → ${k.variant}, pnt_seq ${k.pntRule}${k.verified ? '' : ' (unverified)'}`;
}

export interface KernelVersionSelectProps {
  /** A KERNEL_VERSIONS id, or null when the variant and rule match no version (or were chosen by hand). */
  value: string | null;
  onChange: (id: string | null) => void;
  /** Text of the "no version" option. */
  noneText?: string;
  className?: string;
}

export function KernelVersionSelect({
  value,
  onChange,
  noneText = 'none: variant and rule as chosen',
  className,
}: KernelVersionSelectProps) {
  const k = value ? kernelVersion(value) : undefined;
  const help = k
    ? `${k.verified ? '' : 'Unverified: '}${k.basis}. Sets the variant to ${k.variant} and the pnt_seq rule to ${k.pntRule}.`
    : 'A released kernel: choosing one sets the variant and the pnt_seq rule it runs (sources: workers/model/README.md).';
  return (
    <LabeledSelect
      label="Kernel version"
      className={className}
      selectClassName="max-w-[19rem]"
      value={value ?? NO_KERNEL}
      help={help}
      helpAsTooltip
      onChange={(v) => onChange(v === NO_KERNEL ? null : v)}
    >
      <option value={NO_KERNEL}>{noneText}</option>
      {KERNEL_VERSIONS.map((kv) => (
        <option key={kv.id} value={kv.id}>
          {kernelOptionText(kv.id)}
        </option>
      ))}
    </LabeledSelect>
  );
}
