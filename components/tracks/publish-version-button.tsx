"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormAlert } from "@/components/ui/form-alert";
import { useToast } from "@/components/ui/toast";
import { refreshAfterPublish } from "./use-tracks";
import { publishVersion } from "./versions-api";

/**
 * Publishing is final (a published version never changes again), so it is
 * confirmed first. The page is a server component: on success it is refreshed
 * from the server rather than patched here.
 */
export function PublishVersionButton({ slug, trackId, number }: { slug: string; trackId: string; number: number }) {
  const router = useRouter();
  const { toast } = useToast();
  const [open, setOpen] = useState(false);
  const queryClient = useQueryClient();
  const publish = useMutation({
    mutationFn: () => publishVersion(slug, trackId, number),
    onSuccess: () => {
      setOpen(false);
      // The next step (decision 0039): assign what was just published.
      toast({
        tone: "success",
        title: `Version ${number} is published.`,
        description: "Edits from now on go into a new draft.",
        action: { label: "Assign this track", onAction: () => router.push(`/o/${slug}/assignments/new?track=${trackId}`) },
      });
      router.refresh();
      void refreshAfterPublish(queryClient, slug, trackId, number);
    },
  });

  function onOpenChange(next: boolean) {
    setOpen(next);
    if (!next) publish.reset();
  }

  return (
    <>
      <Button size="sm" onClick={() => onOpenChange(true)}>
        Publish<span className="sr-only"> version {number}</span>
      </Button>
      <Dialog
        open={open}
        onOpenChange={onOpenChange}
        title={`Publish version ${number}?`}
        description={`A published version can no longer change: assignments use it as it is, and any later edit goes into a new draft. Version ${number} cannot be unpublished.`}
        footer={
          <>
            <Button variant="secondary" onClick={() => onOpenChange(false)}>
              Cancel
            </Button>
            <Button loading={publish.isPending} onClick={() => publish.mutate()}>
              Publish version {number}
            </Button>
          </>
        }
      >
        {publish.isError ? <FormAlert>Version {number} was not published: {publish.error.message}</FormAlert> : null}
      </Dialog>
    </>
  );
}
