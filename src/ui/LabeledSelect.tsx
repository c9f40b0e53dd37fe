// A <select> under its label (the label is its accessible name), with an optional help line under it
// that the select is described by. The options are the children.
import { useId, type ReactNode } from 'react';

const SELECT_CLASS = 'mt-1 rounded border border-slate-300 bg-white px-2 py-1 text-sm';

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
}

export function LabeledSelect({
  label,
  value,
  onChange,
  children,
  className,
  selectClassName,
  help,
  helpWidth = 'max-w-64',
}: LabeledSelectProps) {
  const id = useId();
  const helpId = `${id}-help`;
  return (
    <div className={className ? `${className} flex flex-col` : 'flex flex-col'}>
      <label htmlFor={id} className="text-xs font-medium text-slate-600">
        {label}
      </label>
      <select
        id={id}
        className={selectClassName ? `${SELECT_CLASS} ${selectClassName}` : SELECT_CLASS}
        value={value}
        aria-describedby={help === undefined ? undefined : helpId}
        onChange={(e) => onChange(e.currentTarget.value)}
      >
        {children}
      </select>
      {help !== undefined && (
        <p id={helpId} className={`mt-1 ${helpWidth} text-xs text-slate-600`}>
          {help}
        </p>
      )}
    </div>
  );
}
