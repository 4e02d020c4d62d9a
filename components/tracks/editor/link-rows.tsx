"use client";

import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { MAX_RESOURCES } from "@/lib/tracks/edit-schema";
import type { LinkRow } from "./node-form";

/** The item's resource links: a title (optional) and an http(s) address per row. */
export function LinkRows({ rows, errors, onChange }: { rows: LinkRow[]; errors: Record<string, string>; onChange: (rows: LinkRow[]) => void }) {
  const change = (index: number, patch: Partial<LinkRow>) => onChange(rows.map((row, at) => (at === index ? { ...row, ...patch } : row)));
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1.5 text-sm font-medium">Links</legend>
      {rows.length === 0 ? <p className="text-sm text-muted-foreground">No links yet.</p> : null}
      <ol className="flex flex-col gap-3">
        {rows.map((row, index) => (
          <li key={index} className="flex flex-col gap-2 rounded-md border border-border p-2">
            <Input label={`Link ${index + 1} title`} value={row.title} maxLength={200} placeholder="Optional" onChange={(event) => change(index, { title: event.target.value })} error={errors[`resources.${index}.title`]} />
            <Input
              label={`Link ${index + 1} URL`}
              type="url"
              inputMode="url"
              value={row.url}
              maxLength={2000}
              placeholder="https://"
              onChange={(event) => change(index, { url: event.target.value })}
              error={errors[`resources.${index}.url`]}
            />
            <div>
              <Button variant="ghost" size="sm" onClick={() => onChange(rows.filter((_, at) => at !== index))}>
                Remove link {index + 1}
              </Button>
            </div>
          </li>
        ))}
      </ol>
      {errors.resources ? <p className="text-sm font-medium text-danger">{errors.resources}</p> : null}
      <div>
        <Button variant="secondary" size="sm" disabled={rows.length >= MAX_RESOURCES} onClick={() => onChange([...rows, { title: "", url: "" }])}>
          Add link
        </Button>
      </div>
    </fieldset>
  );
}
