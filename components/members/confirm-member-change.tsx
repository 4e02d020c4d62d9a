"use client";

import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { MemberJson } from "./types";

/** The changes that are hard to undo, confirmed before they are sent. */
export type Confirmation = { kind: "remove" | "leave" | "grantOwner"; member: MemberJson };

const COPY = {
  remove: (name: string, org: string) => ({
    title: `Remove ${name}?`,
    description: `${name} loses access to ${org} at once. Their account stays, and they can be invited again.`,
    confirm: "Remove",
  }),
  leave: (_name: string, org: string) => ({
    title: `Leave ${org}?`,
    description: "You lose access at once. To come back, ask an owner or admin to invite you again.",
    confirm: "Leave",
  }),
  grantOwner: (name: string, org: string) => ({
    title: `Make ${name} an owner?`,
    description: `Owners can do everything in ${org}: manage other owners and admins, change settings and delete the organization.`,
    confirm: "Make owner",
  }),
};

export function ConfirmMemberChange({
  confirmation,
  organizationName,
  pending,
  onConfirm,
  onCancel,
}: {
  confirmation: Confirmation | null;
  organizationName: string;
  pending: boolean;
  onConfirm: (confirmation: Confirmation) => void;
  onCancel: () => void;
}) {
  const copy = confirmation ? COPY[confirmation.kind](confirmation.member.user.name ?? confirmation.member.user.email, organizationName) : null;
  return (
    <Dialog
      open={confirmation !== null}
      onOpenChange={(open) => {
        if (!open) onCancel();
      }}
      title={copy?.title ?? ""}
      description={copy?.description}
      footer={
        <>
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
          <Button variant={confirmation?.kind === "grantOwner" ? "primary" : "danger"} loading={pending} onClick={() => confirmation && onConfirm(confirmation)}>
            {copy?.confirm}
          </Button>
        </>
      }
    />
  );
}
