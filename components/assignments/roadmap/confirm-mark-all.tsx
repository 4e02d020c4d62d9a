"use client";

import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

/** "Mark all done" touches many items at once, so it is confirmed first. */
export function ConfirmMarkAll({ section, onConfirm, onCancel }: { section: { title: string; count: number } | null; onConfirm: () => void; onCancel: () => void }) {
  const count = section?.count ?? 0;
  return (
    <Dialog
      open={section !== null}
      onOpenChange={(open) => {
        if (!open) onCancel();
      }}
      title={`Mark ${count} ${count === 1 ? "item" : "items"} done?`}
      description={section ? `Every item of “${section.title}” that is not done yet, except those that need evidence (a mentor approves them) and those skipped or not applicable.` : undefined}
      footer={
        <>
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
          <Button onClick={onConfirm}>Mark done</Button>
        </>
      }
    />
  );
}
