"use client";

import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormAlert } from "@/components/ui/form-alert";
import { useToast } from "@/components/ui/toast";
import { usePublishVersion } from "../use-tracks";
import type { EditorTarget } from "./editor-api";

/**
 * Publish from the editor, with the track page's confirmation and endpoint. Edits still on their
 * way are saved first (the publish waits for the queue to drain, and is called off if one of them
 * fails); details typed in the panel but not saved are not edits yet, so they must be saved or
 * discarded first: publishing would otherwise leave them out without a word.
 */
export function EditorPublish({
  target,
  saving,
  whenSaved,
  unsavedRows,
  onPublished,
}: {
  target: EditorTarget;
  saving: boolean;
  whenSaved: () => Promise<{ failed: boolean }>;
  unsavedRows: number;
  onPublished: () => void;
}) {
  const { toast } = useToast();
  const { slug, trackId, number } = target;
  const [open, setOpen] = useState(false);
  const [waiting, setWaiting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  // Closing the dialog while the edits are still saving calls the publish off.
  const attempt = useRef(0);
  const publish = usePublishVersion(slug, trackId, number, () => {
    setOpen(false);
    toast({ tone: "success", title: `Version ${number} is published.`, description: "Edits from now on go into a new draft." });
    onPublished();
  });

  function onOpenChange(next: boolean) {
    setOpen(next);
    if (!next) {
      attempt.current += 1;
      publish.reset();
      setWaiting(false);
      setFailure(null);
    }
  }

  async function confirm() {
    setFailure(null);
    setWaiting(true);
    const mine = attempt.current;
    const { failed } = await whenSaved();
    if (attempt.current !== mine) return;
    setWaiting(false);
    if (failed) return setFailure("A change was not saved, so nothing was published. Check the draft, then publish again.");
    publish.mutate();
  }

  const blocked = unsavedRows > 0;
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
            <Button loading={waiting || publish.isPending} disabled={blocked} onClick={() => void confirm()}>
              Publish version {number}
            </Button>
          </>
        }
      >
        {blocked ? (
          <FormAlert>
            {unsavedRows === 1 ? "1 row has" : `${unsavedRows} rows have`} details you have not saved. Save or discard them in the details panel first: version {number} would be published without them.
          </FormAlert>
        ) : null}
        {waiting && saving ? (
          <p role="status" className="text-sm text-muted-foreground">
            Saving your last changes first…
          </p>
        ) : null}
        {failure ? <FormAlert>{failure}</FormAlert> : null}
        {publish.isError ? <FormAlert>Version {number} was not published: {publish.error.message}</FormAlert> : null}
      </Dialog>
    </>
  );
}
