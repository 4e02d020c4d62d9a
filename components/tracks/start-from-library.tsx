"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { Button, buttonStyles } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { trackHref } from "./tracks-api";
import { useCreateTrack } from "./use-tracks";

/** The empty state for someone who may import: the built-in roadmap in one click, or their own text. */
export function StartFromLibrary({ slug }: { slug: string }) {
  const router = useRouter();
  const create = useCreateTrack(slug);
  return (
    <div className="flex flex-col items-start gap-3 rounded-xl border border-dashed border-border-strong p-6 text-sm">
      <p>No tracks yet. Start from the built-in roadmap, or import one of your own.</p>
      <div className="flex flex-wrap gap-2">
        <Button
          loading={create.isPending || create.isSuccess}
          onClick={() => create.mutate({ library: "python-backend-roadmap" }, { onSuccess: (track) => router.push(trackHref(slug, track.id)) })}
        >
          Start from the Python Backend Roadmap
        </Button>
        <Link href={`/o/${encodeURIComponent(slug)}/tracks/import`} className={buttonStyles({ variant: "secondary" })}>
          Import your own
        </Link>
      </div>
      {create.isError ? <FormAlert>The roadmap could not be imported: {create.error.message}</FormAlert> : null}
    </div>
  );
}
