// A whole-number setting typed by the user ("12 hours", "30 days"): saved when
// the field is left or Enter is pressed; a value out of range goes back to
// the stored one instead of being saved.

import { useEffect, useState } from 'preact/hooks';

export interface NumberFieldProps {
  /** The stored value; null while settings are being read (the field is disabled). */
  value: number | null;
  min: number;
  max: number;
  /** Accessible name of the field. */
  label: string;
  before: string;
  after: string;
  class?: string;
  onCommit(n: number): void;
}

export function NumberField(p: NumberFieldProps) {
  const shown = p.value === null ? '' : String(p.value);
  const [draft, setDraft] = useState(shown);
  useEffect(() => setDraft(shown), [shown]);
  const commit = (raw: string) => {
    const n = Number(raw);
    if (raw.trim() !== '' && Number.isFinite(n) && n >= p.min && n <= p.max) p.onCommit(Math.round(n));
    else setDraft(shown);
  };
  return (
    <label class={p.class}>
      <span>{p.before}</span>
      <input
        type="number"
        min={p.min}
        max={p.max}
        step={1}
        value={draft}
        disabled={p.value === null}
        aria-label={p.label}
        onInput={(e) => setDraft(e.currentTarget.value)}
        onChange={(e) => commit(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit(e.currentTarget.value);
        }}
      />
      <span>{p.after}</span>
    </label>
  );
}
