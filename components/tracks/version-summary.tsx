import type { z } from "zod";
import type { versionSummarySchema } from "@/lib/tracks/schema";
import { nodeCountsText } from "@/lib/progress/count-words";
import { STATUS_LABEL } from "./track-row";
import { Time } from "@/components/ui/time";

/** A version as the server components receive it from lib/tracks (dates are Dates). */
export type VersionSummary = z.output<typeof versionSummarySchema>;

/** "Version 2 · Draft · 15 sections · 299 topics · 404 items": one line that names a version everywhere it is listed. */
export function versionLine(version: VersionSummary): string {
  return `Version ${version.number} · ${STATUS_LABEL[version.status]} · ${nodeCountsText(version.counts)}`;
}

export function VersionDate({ version }: { version: VersionSummary }) {
  const [label, date] = version.publishedAt ? ["Published", version.publishedAt] : ["Draft started", version.createdAt];
  return (
    <>
      {label} <Time value={date} />
    </>
  );
}
