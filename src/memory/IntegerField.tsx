// A number input for exact entry. Valid text commits as you type; out-of-range or fractional text is
// clamped/rounded and the reason shown inline; text that is not a number keeps the last value.
import { useId, useState, type ChangeEvent } from 'react';
import { parseIntegerInput, type IntegerRange, type ParsedInteger } from './parseIntegerInput.ts';

interface IntegerFieldProps {
  label: string;
  value: number;
  range: IntegerRange;
  onCommit: (value: number) => void;
  className?: string;
}

interface Draft {
  text: string;
  message: string | null;
}

function valueOf(parsed: ParsedInteger): number | null {
  return parsed.kind === 'ok' || parsed.kind === 'adjusted' ? parsed.value : null;
}

export function IntegerField({ label, value, range, onCommit, className }: IntegerFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState<Draft>({ text: String(value), message: null });
  const [seenValue, setSeenValue] = useState(value);
  // The value changed elsewhere (e.g. the slider): show it, unless the draft already means it.
  if (seenValue !== value) {
    setSeenValue(value);
    if (valueOf(parseIntegerInput(draft.text, range)) !== value) setDraft({ text: String(value), message: null });
  }

  const onChange = (e: ChangeEvent<HTMLInputElement>) => {
    const text = e.currentTarget.value;
    const parsed = parseIntegerInput(text, range, e.currentTarget.validity.badInput);
    switch (parsed.kind) {
      case 'empty':
        setDraft({ text, message: null });
        return;
      case 'invalid':
        setDraft({ text, message: `${parsed.message} Keeping ${value}.` });
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
        onChange={onChange}
        onBlur={() => {
          if (draft.text.trim() === '') setDraft({ text: String(value), message: null });
        }}
        aria-invalid={draft.message ? true : undefined}
        aria-describedby={draft.message ? messageId : undefined}
        className={`mt-1 w-28 rounded border px-2 py-1 font-mono text-sm tabular-nums ${
          draft.message ? 'border-amber-500 bg-amber-50' : 'border-slate-300 bg-white'
        }`}
      />
      {draft.message && (
        <p id={messageId} className="mt-1 max-w-64 text-xs text-amber-800">
          {draft.message}
        </p>
      )}
    </div>
  );
}
