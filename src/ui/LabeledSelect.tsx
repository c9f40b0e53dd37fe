// A <select> with its label (the label is its accessible name), above it or, `inline`, beside it, and an
// optional help text the select is described by: a line under it, or (`helpAsTooltip`, for compact rows)
// a tooltip on the field with a marked "?" beside the label, the text kept for assistive technology.
import { useId, type ReactNode } from 'react';

const SELECT_CLASS = 'rounded border border-slate-300 bg-white px-2 py-1 text-sm';

export interface LabeledSelectProps {
  label: string;
  value: string | number;
  onChange: (value: string) => void;
  children: ReactNode;
  /** Extra classes of the wrapper (e.g. min-w-0, a margin). */
  className?: string;
  /** Extra classes of the select (e.g. a maximum width). */
  selectClassName?: string;
  help?: ReactNode;
  /** Width class of the help line. */
  helpWidth?: string;
  /** The help as the field's tooltip (it must then be plain text) instead of a line under the select. */
  helpAsTooltip?: boolean;
  /** The label beside the select instead of above it. */
  inline?: boolean;
}

export function LabeledSelect(props: LabeledSelectProps) {
  const { label, value, onChange, children, className, selectClassName, help, helpWidth = 'max-w-64', helpAsTooltip, inline } = props;
  const id = useId();
  const helpId = `${id}-help`;
  const tooltip = helpAsTooltip && typeof help === 'string' ? help : undefined;
  const layout = inline ? 'flex items-center gap-2' : 'flex flex-col';
  return (
    <div className={className ? `${className} ${layout}` : layout} title={tooltip}>
      <span className="flex items-center gap-1">
        <label htmlFor={id} className="text-xs font-medium text-slate-600">
          {label}
        </label>
        {tooltip !== undefined && (
          <span
            className="cursor-help rounded-full border border-slate-400 px-1 text-[9px] leading-3 font-semibold text-slate-500"
            aria-hidden="true"
          >
            ?
          </span>
        )}
      </span>
      <select
        id={id}
        className={`${inline ? '' : 'mt-1 '}${SELECT_CLASS}${selectClassName ? ` ${selectClassName}` : ''}`}
        value={value}
        aria-describedby={help === undefined ? undefined : helpId}
        onChange={(e) => onChange(e.currentTarget.value)}
      >
        {children}
      </select>
      {help !== undefined &&
        (tooltip !== undefined ? (
          <span id={helpId} className="sr-only">
            {help}
          </span>
        ) : (
          <p id={helpId} className={`mt-1 ${helpWidth} text-xs text-slate-600`}>
            {help}
          </p>
        ))}
    </div>
  );
}
