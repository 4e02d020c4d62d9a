"use client";

import { useId } from "react";
import type { ChangeEvent, ReactNode } from "react";

/** A labelled <select> sized like the other toolbar controls. */
export function FilterSelect({ label, value, onChange, disabled, children }: { label: string; value: string; onChange: (event: ChangeEvent<HTMLSelectElement>) => void; disabled?: boolean; children: ReactNode }) {
  const id = useId();
  return (
    <div className="flex min-w-0 flex-col gap-1.5">
      <label htmlFor={id} className="text-sm font-medium text-foreground">
        {label}
      </label>
      <select id={id} value={value} onChange={onChange} disabled={disabled} className="h-10 min-w-0 rounded-md touch:h-11 border border-border-strong bg-surface px-3 text-sm text-foreground disabled:opacity-60">
        {children}
      </select>
    </div>
  );
}
