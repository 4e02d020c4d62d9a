"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormAlert } from "@/components/ui/form-alert";
import { useToast } from "@/components/ui/toast";
import { usePublishVersion } from "./use-tracks";

/**
 * The one way to publish a draft, on the track page and in the editor. Publishing is final (a
 * published version never changes again), so it is confirmed first; success offers the next step
 * (decision 0039: assign what was just published), and what shows the version's status is read
 * again (usePublishVersion); then the page is refreshed, or `onPublished` runs in its place.
 * The editor adds a step before the publish: `prepare` saves its edits
 * still on their way and resolves to why nothing may be published, or null; `blocked` holds the
 * confirmation back while `notice` says why.
 */
export function PublishVersionButton({
  slug,
  trackId,
  number,
  onPublished,
  prepare,
  blocked = false,
  notice,
}: {
  slug: string;
  trackId: string;
  number: number;
  onPublished?: () => void;
  prepare?: () => Promise<string | null>;
  blocked?: boolean;
  notice?: (preparing: boolean) => ReactNode;
}) {
  const router = useRouter();
  const { toast } = useToast();
  const [open, setOpen] = useState(false);
  const [preparing, setPreparing] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  // Closing the dialog while `prepare` runs calls the publish off.
  const attempt = useRef(0);
  const publish = usePublishVersion(slug, trackId, number, () => {
    setOpen(false);
    toast({
      tone: "success",
      title: `Version ${number} is published.`,
      description: "Edits from now on go into a new draft.",
      action: { label: "Assign this track", onAction: () => router.push(`/o/${slug}/assignments/new?track=${trackId}`) },
    });
    // The track page is server-rendered: it is read again, not patched here. The editor keeps
    // its own "published" state instead (a refresh would replace it with the page's).
    if (onPublished) onPublished();
    else router.refresh();
  });

  function onOpenChange(next: boolean) {
    setOpen(next);
    if (!next) {
      attempt.current += 1;
      publish.reset();
      setPreparing(false);
      setFailure(null);
    }
  }

  async function confirm() {
    setFailure(null);
    if (prepare) {
      const mine = attempt.current;
      setPreparing(true);
      const reason = await prepare();
      if (attempt.current !== mine) return;
      setPreparing(false);
      if (reason) return setFailure(reason);
    }
    publish.mutate();
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
            <Button loading={preparing || publish.isPending} disabled={blocked} onClick={() => void confirm()}>
              Publish version {number}
            </Button>
          </>
        }
      >
        {notice?.(preparing)}
        {failure ? <FormAlert>{failure}</FormAlert> : null}
        {publish.isError ? <FormAlert>Version {number} was not published: {publish.error.message}</FormAlert> : null}
      </Dialog>
    </>
  );
}
