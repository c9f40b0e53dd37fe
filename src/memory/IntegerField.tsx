// A number input for exact entry. Valid text commits as you type; out-of-range or fractional text is
// clamped/rounded and the reason shown inline; text that is not a number keeps the last value.
// With `blank`, an empty field is a value of its own (e.g. "never"), and so is text below the minimum.
import { useId, useState, type ChangeEvent } from 'react';
import { parseIntegerInput, type IntegerRange, type ParsedInteger } from './parseIntegerInput.ts';

/** The value an empty field stands for, and its name (shown as the placeholder and in messages). */
export interface BlankValue {
  value: number;
  label: string;
}

interface IntegerFieldProps {
  label: string;
  value: number;
  range: IntegerRange;
  onCommit: (value: number) => void;
  /** Empty text means this value (instead of "nothing typed yet"). */
  blank?: BlankValue;
  /** A short line under the field (the input's description). */
  help?: string;
  className?: string;
}

interface Draft {
  text: string;
  message: string | null;
}

/** parseIntegerInput, with a blank value: empty text and numbers below the minimum mean it. */
function interpret(text: string, range: IntegerRange, blank: BlankValue | undefined, badInput = false): ParsedInteger {
  const parsed = parseIntegerInput(text, range, badInput);
  if (!blank) return parsed;
  if (parsed.kind === 'empty') return { kind: 'ok', value: blank.value };
  const trimmed = text.trim();
  if (parsed.kind === 'adjusted' && Number(trimmed) < range.min) {
    return {
      kind: 'adjusted',
      value: blank.value,
      message: `${trimmed} is below ${range.min}; using ${blank.label} (leave the field empty for ${blank.label}).`,
    };
  }
  return parsed;
}

function valueOf(parsed: ParsedInteger): number | null {
  return parsed.kind === 'ok' || parsed.kind === 'adjusted' ? parsed.value : null;
}

export function IntegerField({ label, value, range, onCommit, blank, help, className }: IntegerFieldProps) {
  const id = useId();
  const textOf = (v: number) => (blank && v === blank.value ? '' : String(v));
  const [draft, setDraft] = useState<Draft>({ text: textOf(value), message: null });
  const [seenValue, setSeenValue] = useState(value);
  // The value changed elsewhere (e.g. the slider): show it, unless the draft already means it.
  if (seenValue !== value) {
    setSeenValue(value);
    if (valueOf(interpret(draft.text, range, blank)) !== value) setDraft({ text: textOf(value), message: null });
  }

  const onChange = (e: ChangeEvent<HTMLInputElement>) => {
    const text = e.currentTarget.value;
    const parsed = interpret(text, range, blank, e.currentTarget.validity.badInput);
    switch (parsed.kind) {
      case 'empty':
        setDraft({ text, message: null });
        return;
      case 'invalid':
        setDraft({ text, message: `${parsed.message} Keeping ${blank && value === blank.value ? blank.label : value}.` });
        return;
      case 'ok':
        setDraft({ text, message: null });
        onCommit(parsed.value);
        return;
      case 'adjusted':
        setDraft({ text, message: parsed.message });
        onCommit(parsed.value);
        return;
    }
  };

  const messageId = `${id}-message`;
  const helpId = `${id}-help`;
  const describedBy = [help ? helpId : '', draft.message ? messageId : ''].filter(Boolean).join(' ');
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-xs font-medium text-slate-600">
        {label}
      </label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={range.min}
        max={range.max}
        step={1}
        value={draft.text}
        placeholder={blank?.label}
        onChange={onChange}
        onBlur={() => {
          if (!blank && draft.text.trim() === '') setDraft({ text: String(value), message: null });
        }}
        aria-invalid={draft.message ? true : undefined}
        aria-describedby={describedBy || undefined}
        className={`mt-1 w-28 rounded border px-2 py-1 font-mono text-sm tabular-nums ${
          draft.message ? 'border-amber-500 bg-amber-50' : 'border-slate-300 bg-white'
        }`}
      />
      {help && (
        <p id={helpId} className="mt-1 max-w-md text-xs text-slate-600">
          {help}
        </p>
      )}
      {draft.message && (
        <p id={messageId} className="mt-1 max-w-64 text-xs text-amber-800">
          {draft.message}
        </p>
      )}
    </div>
  );
}
