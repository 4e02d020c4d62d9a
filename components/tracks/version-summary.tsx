import type { z } from "zod";
import type { versionSummarySchema } from "@/lib/tracks/schema";
import { STATUS_LABEL } from "./track-row";
import { Time } from "@/components/ui/time";

/** A version as the server components receive it from lib/tracks (dates are Dates). */
export type VersionSummary = z.output<typeof versionSummarySchema>;

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;

/** "Version 2 · Draft · 15 sections · 703 items": one line that names a version everywhere it is listed. */
export function versionLine(version: VersionSummary): string {
  return `Version ${version.number} · ${STATUS_LABEL[version.status]} · ${plural(version.counts.sections, "section")} · ${plural(version.counts.items, "item")}`;
}

export function VersionDate({ version }: { version: VersionSummary }) {
  const [label, date] = version.publishedAt ? ["Published", version.publishedAt] : ["Draft started", version.createdAt];
  return (
    <>
      {label} <Time value={date} />
    </>
  );
}
