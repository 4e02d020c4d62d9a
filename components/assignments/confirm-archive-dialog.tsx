"use client";

import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormAlert } from "@/components/ui/form-alert";
import { personName } from "./labels";
import type { AssignmentJson } from "./types";
import { useUpdateAssignment } from "./use-update-assignment";

/** Archiving stops the hire's progress on it, so it is confirmed first; it can be brought back. */
export function ConfirmArchiveDialog({ slug, assignment, onClose }: { slug: string; assignment: AssignmentJson; onClose: () => void }) {
  const update = useUpdateAssignment(slug);
  const name = personName(assignment.assignee);
  return (
    <Dialog
      open
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title={`Archive ${name}'s ${assignment.track.title}?`}
      description={`${name} can no longer log progress on it, and it leaves the default list. Its history stays, and you can unarchive it from the Archived filter.`}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="danger" loading={update.isPending} onClick={() => update.mutate({ assignment, update: { archived: true } }, { onSuccess: onClose })}>
            Archive
          </Button>
        </>
      }
    >
      {update.isError ? <FormAlert>It was not archived: {update.error.message}</FormAlert> : null}
    </Dialog>
  );
}
