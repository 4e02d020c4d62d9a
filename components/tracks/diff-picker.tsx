"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { diffHref } from "./versions-api";

export interface PickerVersion {
  number: number;
  status: "DRAFT" | "PUBLISHED";
}

const selectClass = "h-10 w-full rounded-md border border-border-strong bg-surface px-3 text-sm text-foreground sm:w-44";

/**
 * Two version pickers and a Compare button. Choosing does nothing until the form
 * is submitted, so moving through a select with the arrow keys never navigates.
 */
export function DiffPicker({ slug, trackId, versions, from, to }: { slug: string; trackId: string; versions: readonly PickerVersion[]; from: number | null; to: number }) {
  const router = useRouter();
  const id = useId();
  const [fromValue, setFromValue] = useState(String(from ?? versions.find((version) => version.number !== to)?.number ?? ""));
  const [toValue, setToValue] = useState(String(to));
  const [problem, setProblem] = useState<string | null>(null);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (fromValue === toValue) {
      setProblem("Choose two different versions.");
      return;
    }
    setProblem(null);
    router.push(diffHref(slug, trackId, Number(toValue), Number(fromValue)));
  }

  const options = versions.map((version) => (
    <option key={version.number} value={version.number}>
      Version {version.number}
      {version.status === "DRAFT" ? " (draft)" : ""}
    </option>
  ));

  return (
    <form onSubmit={onSubmit} aria-label="Choose versions to compare" className="flex flex-col gap-3 rounded-xl border border-border bg-surface p-4 sm:flex-row sm:items-end">
      <div className="flex flex-col gap-1.5">
        <label htmlFor={`${id}-from`} className="text-sm font-medium">
          From
        </label>
        <select id={`${id}-from`} value={fromValue} onChange={(event) => setFromValue(event.target.value)} className={selectClass}>
          {options}
        </select>
      </div>
      <div className="flex flex-col gap-1.5">
        <label htmlFor={`${id}-to`} className="text-sm font-medium">
          To
        </label>
        <select id={`${id}-to`} value={toValue} onChange={(event) => setToValue(event.target.value)} className={selectClass}>
          {options}
        </select>
      </div>
      <Button type="submit" variant="secondary">
        Compare
      </Button>
      {problem ? (
        <p role="alert" className="text-sm font-medium text-danger sm:self-center">
          {problem}
        </p>
      ) : null}
    </form>
  );
}
