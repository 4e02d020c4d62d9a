"use client";

import { SLACK_TYPE_LABELS } from "./types";

/** The event types an endpoint can choose, as checkboxes (words where Cairn has them, else the type's name). */
export function TypeCheckboxes({ types, chosen, onChange, disabled }: { types: string[]; chosen: string[]; onChange: (next: string[]) => void; disabled?: boolean }) {
  return (
    <div className="grid gap-2 sm:grid-cols-2">
      {types.map((type) => (
        <label key={type} className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            className="size-4 accent-primary"
            disabled={disabled}
            checked={chosen.includes(type)}
            onChange={(event) => onChange(event.target.checked ? [...chosen, type] : chosen.filter((item) => item !== type))}
          />
          {SLACK_TYPE_LABELS[type] ? <span>{SLACK_TYPE_LABELS[type]}</span> : <span className="font-mono text-xs">{type}</span>}
        </label>
      ))}
    </div>
  );
}
