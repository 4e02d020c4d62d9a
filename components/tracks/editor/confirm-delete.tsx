"use client";

import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

export interface PendingDelete {
  key: string;
  title: string;
  /** Nodes under it, at any depth. */
  nested: number;
}

/** Deleting a node with children takes them too: say how many before doing it. */
export function ConfirmDelete({ pending, onConfirm, onCancel }: { pending: PendingDelete | null; onConfirm: (pending: PendingDelete) => void; onCancel: () => void }) {
  const total = (pending?.nested ?? 0) + 1;
  return (
    <Dialog
      open={pending !== null}
      onOpenChange={(open) => {
        if (!open) onCancel();
      }}
      title={`Delete “${pending?.title ?? ""}”?`}
      description={`It has ${pending?.nested ?? 0} nested ${pending?.nested === 1 ? "node" : "nodes"}, deleted with it: ${total} in all. You can undo this.`}
      footer={
        <>
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
          <Button variant="danger" onClick={() => pending && onConfirm(pending)}>
            Delete {total} nodes
          </Button>
        </>
      }
    />
  );
}
