"use client";

import Form from "next/form";
import Link from "next/link";
import { Button, buttonStyles } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { AUDIT_CATEGORIES, AUDIT_EVENT_TYPES, AUDIT_SUBJECT_TYPES, AUDIT_TYPE_NAMES, CATEGORY_LABELS } from "@/lib/audit/event-catalog";
import type { AuditView } from "./audit-view";
import { hasFilters } from "./audit-view";

export interface ActorOption {
  id: string;
  label: string;
}

const SUBJECT_LABELS: Record<(typeof AUDIT_SUBJECT_TYPES)[number], string> = {
  organization: "The organization",
  membership: "A membership",
  invitation: "An invitation",
  track: "A track",
  assignment: "An assignment",
  user: "A person’s account",
  api_token: "An API token",
};

const selectStyles = "h-10 w-full rounded-md border border-border-strong bg-surface px-3 text-sm text-foreground";

/**
 * The audit log's filters: a plain GET form (next/form navigates without a full
 * reload), so the filters live in the URL — a reload or a shared link shows the same
 * rows — and every control is a native one a keyboard reaches. Types are checkboxes
 * grouped as the catalog groups them.
 */
export function AuditFilters({ slug, view, actors }: { slug: string; view: AuditView; actors: ActorOption[] }) {
  const path = `/o/${slug}/audit`;
  return (
    <Form action={path} className="flex flex-col gap-4 rounded-xl border border-border bg-surface p-4" aria-label="Filter the audit log">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <div className="flex flex-col gap-1.5">
          <label htmlFor="audit-actor" className="text-sm font-medium text-foreground">
            Who did it
          </label>
          <select id="audit-actor" name="actor" defaultValue={view.actor} className={selectStyles}>
            <option value="">Anyone</option>
            {actors.map((actor) => (
              <option key={actor.id} value={actor.id}>
                {actor.label}
              </option>
            ))}
            {view.actor && !actors.some((actor) => actor.id === view.actor) ? <option value={view.actor}>User {view.actor}</option> : null}
          </select>
        </div>
        <Input label="From (UTC)" type="date" name="from" defaultValue={view.from} />
        <Input label="To (UTC)" type="date" name="to" defaultValue={view.to} />
        <div className="flex flex-col gap-1.5">
          <label htmlFor="audit-subject-type" className="text-sm font-medium text-foreground">
            About
          </label>
          <select id="audit-subject-type" name="subjectType" defaultValue={view.subjectType} className={selectStyles}>
            <option value="">Anything</option>
            {AUDIT_SUBJECT_TYPES.map((type) => (
              <option key={type} value={type}>
                {SUBJECT_LABELS[type]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <Input label="Subject id" name="subjectId" defaultValue={view.subjectId} hint="Only events about this one subject (pick “Only this” on a row to fill it in)." maxLength={64} />
      <fieldset className="flex flex-col gap-3">
        <legend className="text-sm font-medium text-foreground">Types (none ticked: every type)</legend>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {AUDIT_CATEGORIES.map((category) => (
            <fieldset key={category} className="flex flex-col gap-1">
              <legend className="text-xs font-semibold tracking-wide text-muted-foreground uppercase">{CATEGORY_LABELS[category]}</legend>
              {AUDIT_TYPE_NAMES.filter((type) => AUDIT_EVENT_TYPES[type].category === category).map((type) => (
                <label key={type} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name="type" value={type} defaultChecked={view.types.includes(type)} className="size-4" />
                  {AUDIT_EVENT_TYPES[type].label}
                </label>
              ))}
            </fieldset>
          ))}
        </div>
      </fieldset>
      <div className="flex flex-wrap gap-2">
        <Button type="submit">Apply filters</Button>
        {hasFilters(view) ? (
          <Link href={path} className={buttonStyles({ variant: "secondary" })}>
            Clear filters
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
