"use client";

import { useId } from "react";
import { countOf, countedText } from "@/lib/progress/count-words";
import type { Counts } from "@/lib/progress/progress-math";
import type { SkipOption } from "./skip-options";

/**
 * "Skip branches": the version's sections, their top items and its optional
 * parts as nested checkboxes. A skipped branch takes everything under it, so
 * the options inside it show as skipped and cannot be changed on their own.
 */
export function SkipBranches({
  options,
  chosen,
  onToggle,
  counted,
  error,
}: {
  options: readonly SkipOption[];
  chosen: ReadonlySet<string>;
  onToggle: (key: string, skip: boolean) => void;
  /** Items (leaves) that will count and items skipped, from the progress module; in its words (count-words.ts). */
  counted: Pick<Counts, "total" | "skipped" | "notApplicable">;
  error?: string;
}) {
  const id = useId();
  return (
    <fieldset className="flex min-w-0 flex-col gap-2" aria-describedby={`${id}-hint ${id}-counts${error ? ` ${id}-error` : ""}`}>
      <legend className="text-sm font-medium">Skip branches (optional)</legend>
      <p id={`${id}-hint`} className="-mt-1 text-sm text-muted-foreground">
        Tick what does not apply, such as the frameworks this team does not use or the optional parts. Skipped items do not count towards progress.
      </p>
      <p id={`${id}-counts`} className="text-sm font-medium" aria-live="polite" data-testid="skip-counts">
        Items: {countedText(counted)}
      </p>
      <ul aria-label="Branches" className="max-h-96 overflow-y-auto rounded-md border border-border-strong py-1">
        {options.map((option) => (
          <SkipRow key={option.key} option={option} chosen={chosen} onToggle={onToggle} level={0} insideSkipped={false} />
        ))}
      </ul>
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-danger">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

function SkipRow({ option, chosen, onToggle, level, insideSkipped }: { option: SkipOption; chosen: ReadonlySet<string>; onToggle: (key: string, skip: boolean) => void; level: number; insideSkipped: boolean }) {
  const skipped = insideSkipped || chosen.has(option.key);
  return (
    <li>
      <label className="flex cursor-pointer items-start gap-3 py-1.5 pr-3 text-sm hover:bg-surface-muted has-disabled:cursor-default" style={{ paddingLeft: `${0.75 + level * 1.5}rem` }}>
        <input type="checkbox" checked={skipped} disabled={insideSkipped} onChange={(event) => onToggle(option.key, event.target.checked)} className="mt-0.5 size-4 shrink-0 accent-primary" />
        <span className={option.kind === "SECTION" ? "font-semibold" : undefined}>
          {option.title}
          <span className="font-normal text-muted-foreground">
            {" "}
            · {countOf(option.items, "item")}
            {option.optional && !/\(\s*optional/i.test(option.title) ? " · optional" : ""}
            {insideSkipped ? " · skipped with the branch above" : ""}
          </span>
        </span>
      </label>
      {option.children.length > 0 ? (
        <ul>
          {option.children.map((child) => (
            <SkipRow key={child.key} option={child} chosen={chosen} onToggle={onToggle} level={level + 1} insideSkipped={skipped} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}
