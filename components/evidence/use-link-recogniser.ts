"use client";

import { useEffect, useState } from "react";
import type { parseEvidenceLink } from "@/lib/evidence/evidence-link";

type Recognise = typeof parseEvidenceLink;

/**
 * The server's own link rules (lib/evidence/evidence-link.ts), loaded the first
 * time a link is typed: they bring zod along, which the roadmap page does not
 * otherwise load. Null until then; the server checks every link anyway.
 */
export function useLinkRecogniser(wanted: boolean): Recognise | null {
  const [recognise, setRecognise] = useState<Recognise | null>(null);
  useEffect(() => {
    if (!wanted || recognise) return;
    let live = true;
    void import("@/lib/evidence/evidence-link").then(
      (module) => {
        if (live) setRecognise(() => module.parseEvidenceLink);
      },
      // Offline or a failed chunk: the form works without the hint.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [wanted, recognise]);
  return recognise;
}
