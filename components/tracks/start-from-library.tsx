"use client";

import Link from "next/link";
import { buttonStyles } from "@/components/ui/button";
import { LibraryPicker } from "./library-picker";

/** The empty state for someone who may import: a built-in track in one click, or their own text. */
export function StartFromLibrary({ slug }: { slug: string }) {
  return (
    <div className="flex flex-col items-start gap-3 rounded-xl border border-dashed border-border-strong p-6 text-sm">
      <p>No tracks yet. Start from a built-in track, or import one of your own.</p>
      <Link href={`/o/${encodeURIComponent(slug)}/tracks/import`} className={buttonStyles({ variant: "secondary" })}>
        Import your own
      </Link>
      <LibraryPicker slug={slug} />
    </div>
  );
}
