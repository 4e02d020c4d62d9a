"use client";

import { useEffect, useId, useState } from "react";
import type { ChangeEvent, ReactNode } from "react";
import { Input } from "@/components/ui/input";
import { ROLES } from "@/lib/authz/policy";
import { ROLE_LABEL, STATUS_LABEL } from "@/lib/members/labels";
import { MEMBERSHIP_STATUSES } from "@/lib/members/rules";
import type { MembersFilters } from "./members-view";

const SEARCH_DELAY_MS = 300;

/** Search box (debounced) and the role and status filters. */
export function MembersToolbar({ filters, onChange }: { filters: MembersFilters; onChange: (next: Partial<MembersFilters>) => void }) {
  return (
    <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
      <SearchBox value={filters.q} onSearch={(q) => onChange({ q })} />
      <FilterSelect label="Role" value={filters.role ?? ""} onChange={(event) => onChange({ role: (event.target.value || null) as MembersFilters["role"] })}>
        <option value="">Any role</option>
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {ROLE_LABEL[role]}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect label="Status" value={filters.status ?? ""} onChange={(event) => onChange({ status: (event.target.value || null) as MembersFilters["status"] })}>
        <option value="">Any status</option>
        {MEMBERSHIP_STATUSES.map((status) => (
          <option key={status} value={status}>
            {STATUS_LABEL[status]}
          </option>
        ))}
      </FilterSelect>
    </div>
  );
}

/**
 * The text is the box's own state and reaches the URL after a pause in typing,
 * so each keystroke neither refetches nor rewrites history. `value` is the
 * search in effect; the parent remounts the box (key) to clear it.
 */
function SearchBox({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const [text, setText] = useState(value);
  useEffect(() => {
    const next = text.trim();
    if (next === value) return;
    const timer = window.setTimeout(() => onSearch(next), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [text, value, onSearch]);

  return (
    <Input
      label="Search"
      type="search"
      placeholder="Name or email"
      value={text}
      maxLength={100}
      autoComplete="off"
      onChange={(event) => setText(event.target.value)}
      containerClassName="flex-1"
    />
  );
}

function FilterSelect({ label, value, onChange, children }: { label: string; value: string; onChange: (event: ChangeEvent<HTMLSelectElement>) => void; children: ReactNode }) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-sm font-medium text-foreground">
        {label}
      </label>
      <select id={id} value={value} onChange={onChange} className="h-10 rounded-md border border-border-strong bg-surface px-3 text-sm text-foreground">
        {children}
      </select>
    </div>
  );
}
