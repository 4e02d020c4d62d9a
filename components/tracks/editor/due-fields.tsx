"use client";

import { MAX_DUE_DAYS, MAX_DUE_WEEKS } from "@/lib/outline/due-marker";

const selectClass = "h-10 rounded-md border border-border-strong bg-surface px-3 text-sm text-foreground";

/**
 * The node's relative due: "No due date", "Day N" or "Week N" of the assignment (decision 0030).
 * Written in the text export as "(due day N)" / "(due week N)" after the title.
 */
export function DueFields({
  id,
  unit,
  count,
  error,
  onUnit,
  onCount,
}: {
  id: string;
  unit: "" | "day" | "week";
  count: string;
  error: string | undefined;
  onUnit: (unit: "" | "day" | "week") => void;
  onCount: (count: string) => void;
}) {
  const hintId = `${id}-due-hint`;
  const errorId = `${id}-due-error`;
  return (
    <fieldset className="flex flex-col gap-1.5">
      <legend className="text-sm font-medium">Due</legend>
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={`${id}-due-unit`} className="sr-only">
          Due on
        </label>
        <select
          id={`${id}-due-unit`}
          value={unit}
          onChange={(event) => onUnit(event.target.value as "" | "day" | "week")}
          aria-describedby={hintId}
          className={selectClass}
        >
          <option value="">No due date</option>
          <option value="day">Day</option>
          <option value="week">End of week</option>
        </select>
        {unit !== "" ? (
          <>
            <label htmlFor={`${id}-due-count`} className="sr-only">
              {unit === "day" ? "Day number" : "Week number"}
            </label>
            <input
              id={`${id}-due-count`}
              type="number"
              inputMode="numeric"
              min={1}
              max={unit === "day" ? MAX_DUE_DAYS : MAX_DUE_WEEKS}
              step={1}
              value={count}
              onChange={(event) => onCount(event.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={`${hintId}${error ? ` ${errorId}` : ""}`}
              className={`h-10 w-24 rounded-md border bg-surface px-3 text-sm text-foreground ${error ? "border-danger" : "border-border-strong"}`}
            />
          </>
        ) : null}
      </div>
      <p id={hintId} className="text-sm text-muted-foreground">
        Counted from the assignment&apos;s start: day 1 is the start date, week 2 ends on day 14. Items are due by their section&apos;s date at the latest.
      </p>
      {error ? (
        <p id={errorId} className="text-sm font-medium text-danger">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
