"use client";

import { useDeferredValue, useId, useMemo, useState } from "react";
import { ROLE_LABEL } from "@/lib/members/labels";
import type { MemberJson } from "@/components/members/types";
import { personName } from "./labels";

// Below this many people the whole list fits at a glance: no search box.
const SEARCH_FROM = 8;

/**
 * Several people from a list: checkboxes (keyboard and screen readers get native
 * controls), narrowed by a search box in a long list. The people chosen stay
 * named under the legend even when the search hides them.
 */
export function PeoplePicker({
  legend,
  hint,
  people,
  selected,
  onChange,
  error,
  emptyText,
}: {
  legend: string;
  hint?: string;
  people: readonly MemberJson[];
  selected: readonly string[];
  onChange: (userIds: string[]) => void;
  error?: string;
  emptyText: string;
}) {
  const id = useId();
  const [query, setQuery] = useState("");
  const deferredQuery = useDeferredValue(query);
  const chosen = useMemo(() => new Set(selected), [selected]);
  const shown = useMemo(() => {
    const needle = deferredQuery.trim().toLowerCase();
    if (!needle) return people;
    return people.filter((member) => `${member.user.name ?? ""} ${member.user.email}`.toLowerCase().includes(needle));
  }, [people, deferredQuery]);
  const chosenNames = people.filter((member) => chosen.has(member.user.id)).map((member) => personName(member.user));

  function toggle(userId: string, on: boolean) {
    onChange(on ? [...selected, userId] : selected.filter((other) => other !== userId));
  }

  const describedBy = [hint ? `${id}-hint` : null, `${id}-chosen`, error ? `${id}-error` : null].filter(Boolean).join(" ");

  return (
    <fieldset className="flex min-w-0 flex-col gap-2" aria-describedby={describedBy} aria-invalid={error ? true : undefined}>
      <legend className="text-sm font-medium">{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="-mt-1 text-sm text-muted-foreground">
          {hint}
        </p>
      ) : null}
      <p id={`${id}-chosen`} className="text-sm" aria-live="polite">
        {chosenNames.length === 0 ? <span className="text-muted-foreground">No one chosen.</span> : `${chosenNames.length} chosen: ${chosenNames.join(", ")}`}
      </p>
      {people.length >= SEARCH_FROM ? (
        <input
          type="search"
          aria-label={`Search ${legend.toLowerCase()}`}
          placeholder="Search by name or email"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          autoComplete="off"
          className="h-9 rounded-md border border-border-strong bg-surface px-3 text-sm"
        />
      ) : null}
      {people.length === 0 ? (
        <p className="rounded-md border border-dashed border-border-strong p-3 text-sm text-muted-foreground">{emptyText}</p>
      ) : shown.length === 0 ? (
        <p className="p-3 text-sm text-muted-foreground">No one matches “{deferredQuery.trim()}”.</p>
      ) : (
        <ul className={`max-h-64 divide-y divide-border overflow-y-auto rounded-md border ${error ? "border-danger" : "border-border-strong"}`}>
          {shown.map((member) => (
            <li key={member.user.id}>
              <label className="flex cursor-pointer items-center gap-3 px-3 py-2 text-sm hover:bg-surface-muted">
                <input type="checkbox" checked={chosen.has(member.user.id)} onChange={(event) => toggle(member.user.id, event.target.checked)} className="size-4 shrink-0 accent-primary" />
                <span className="min-w-0 flex-1">
                  <span className="font-medium">{personName(member.user)}</span>
                  {member.user.name ? <span className="block truncate text-muted-foreground">{member.user.email}</span> : null}
                </span>
                <span className="shrink-0 text-muted-foreground">{ROLE_LABEL[member.role]}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-danger">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
