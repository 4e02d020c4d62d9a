import Link from "next/link";
import { nodeCountsText } from "@/lib/progress/count-words";
import { trackHref } from "./tracks-api";
import type { TrackSummaryJson } from "./types";
import { Time } from "@/components/ui/time";


export const STATUS_LABEL = { DRAFT: "Draft", PUBLISHED: "Published" } as const;

export function TrackRow({ slug, track }: { slug: string; track: TrackSummaryJson }) {
  const latest = track.latestVersion;
  return (
    <li className="flex flex-col gap-1 px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
      <div>
        <Link href={trackHref(slug, track.id)} className="font-medium text-link underline-offset-2 hover:underline">
          {track.title}
        </Link>
        <p className="text-sm text-muted-foreground">
          {latest ? `Version ${latest.number} · ${STATUS_LABEL[latest.status]}` : "No versions"}
          {latest ? ` · ${nodeCountsText(latest.counts)}` : ""}
        </p>
      </div>
      <p className="text-sm text-muted-foreground">
        Created <Time value={track.createdAt} />
      </p>
    </li>
  );
}
