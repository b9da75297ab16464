// A labelled on/off control: a checkbox with role=switch inside its label.

import type { ComponentChildren } from 'preact';

export interface SwitchProps {
  checked: boolean;
  onChange: (on: boolean) => void;
  children: ComponentChildren;
  disabled?: boolean;
  id?: string;
  describedBy?: string;
}

export function Switch({ checked, onChange, children, disabled, id, describedBy }: SwitchProps) {
  return (
    <label class="switch">
      <input
        type="checkbox"
        role="switch"
        id={id}
        checked={checked}
        disabled={disabled}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.currentTarget.checked)}
      />
      <span>{children}</span>
    </label>
  );
}
