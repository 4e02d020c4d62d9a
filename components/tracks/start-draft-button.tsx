"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { useToast } from "@/components/ui/toast";
import { createDraft, editVersionHref } from "./versions-api";

/** Starts the next version as a copy of the latest published one and opens it in the editor. */
export function StartDraftButton({ slug, trackId }: { slug: string; trackId: string }) {
  const router = useRouter();
  const { toast } = useToast();
  const start = useMutation({
    mutationFn: () => createDraft(slug, trackId),
    onSuccess: (draft) => {
      toast({ tone: "success", title: `Version ${draft.number} is a new draft.`, description: "It starts as a copy of the latest published version." });
      router.push(editVersionHref(slug, trackId, draft.number));
    },
  });
  return (
    <div className="flex flex-col items-start gap-2">
      <Button variant="secondary" loading={start.isPending || start.isSuccess} onClick={() => start.mutate()}>
        Start a new draft
      </Button>
      {start.isError ? <FormAlert>The draft was not started: {start.error.message}</FormAlert> : null}
    </div>
  );
}
