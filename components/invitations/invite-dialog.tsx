"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormAlert } from "@/components/ui/form-alert";
import type { Role } from "@/lib/generated/prisma/enums";
import { callEndpoint } from "@/lib/api/client";
import { api } from "@/lib/api/client-endpoints";
import { ApiError } from "@/lib/http/api-client";
import { invitationValidity } from "@/lib/invitations/expiry";
import { INVITATIONS_PER_REQUEST, sortRecipients, splitEmailList } from "@/lib/invitations/recipients";
import { ROLE_LABEL } from "@/lib/members/labels";
import type { InviteResultJson } from "./types";

/** "Invite people": paste many addresses, pick a role the viewer may grant, then read what happened to each. */
export function InviteDialog({ slug, roles, open, onOpenChange }: { slug: string; roles: Role[]; open: boolean; onOpenChange: (open: boolean) => void }) {
  const queryClient = useQueryClient();
  const [text, setText] = useState("");
  const [role, setRole] = useState<Role>(roles.includes("MEMBER") ? "MEMBER" : roles[0]!);
  const [result, setResult] = useState<InviteResultJson | null>(null);
  const [error, setError] = useState<string | null>(null);
  const sorted = sortRecipients(splitEmailList(text));
  const count = sorted.valid.length;

  const invite = useMutation({
    mutationFn: () => callEndpoint(api.createInvitations, { params: { orgSlug: slug }, body: { emails: splitEmailList(text), role } }),
    onSuccess: (data) => {
      setResult(data);
      void queryClient.invalidateQueries({ queryKey: ["invitations", slug] });
    },
    onError: (failure) => {
      if (failure instanceof ApiError && failure.code === "VALIDATION_FAILED") setError(`None of the entries is a valid email address. ${Object.values(failure.fieldErrors)[0] ?? ""}`.trim());
      else setError(failure instanceof ApiError ? failure.message : "Something went wrong. Try again.");
    },
  });

  function close(next: boolean) {
    onOpenChange(next);
    if (!next) {
      setText("");
      setResult(null);
      setError(null);
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    invite.mutate();
  }

  const tooMany = splitEmailList(text).length > INVITATIONS_PER_REQUEST;

  return (
    <Dialog
      open={open}
      onOpenChange={close}
      title={result ? "Invitations sent" : "Invite people"}
      description={result ? undefined : `Each person gets an email with a link that works once and ${invitationValidity()}.`}
      dismissOnBackdropClick={false}
      footer={
        result ? (
          <>
            <Button variant="secondary" onClick={() => setResult(null)}>
              Invite more
            </Button>
            <Button onClick={() => close(false)}>Done</Button>
          </>
        ) : (
          <>
            <Button variant="secondary" onClick={() => close(false)}>
              Cancel
            </Button>
            <Button type="submit" form="invite-form" loading={invite.isPending} disabled={count === 0 || tooMany}>
              {count > 0 ? `Invite ${count} ${count === 1 ? "person" : "people"}` : "Invite"}
            </Button>
          </>
        )
      }
    >
      {result ? (
        <>
          <InviteSummary result={result} />
          {/* The next step (decision 0039). Invited people can be chosen there once they have joined. */}
          {result.invited.length > 0 ? (
            <p className="mt-4 text-sm">
              Next:{" "}
              <Link href={`/o/${slug}/assignments/new`} prefetch={false} className="font-medium text-link underline underline-offset-2">
                Assign a track
              </Link>{" "}
              <span className="text-muted-foreground">(people appear there once they join).</span>
            </p>
          ) : null}
        </>
      ) : (
        <form id="invite-form" onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
          {error ? <FormAlert>{error}</FormAlert> : null}
          <div className="flex flex-col gap-1.5">
            <label htmlFor="invite-emails" className="text-sm font-medium">
              Email addresses
            </label>
            <textarea
              id="invite-emails"
              name="emails"
              rows={5}
              value={text}
              onChange={(event) => setText(event.target.value)}
              aria-describedby="invite-emails-hint"
              placeholder={"ada@example.com, grace@example.com\nor one per line"}
              className="rounded-md border border-border-strong bg-surface px-3 py-2 text-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-primary"
              data-autofocus
            />
            <p id="invite-emails-hint" className="text-sm text-muted-foreground" aria-live="polite">
              {count} {count === 1 ? "address" : "addresses"}
              {sorted.duplicates.length > 0 ? `, ${sorted.duplicates.length} repeated` : ""}
              {sorted.invalid.length > 0 ? `, ${sorted.invalid.length} not valid` : ""}. Separate with commas, spaces or new lines; at most {INVITATIONS_PER_REQUEST}.
              {tooMany ? <span className="text-danger"> Too many: split the list.</span> : null}
            </p>
          </div>
          <div className="flex flex-col gap-1.5">
            <label htmlFor="invite-role" className="text-sm font-medium">
              Role
            </label>
            <select
              id="invite-role"
              name="role"
              value={role}
              onChange={(event) => setRole(event.target.value as Role)}
              className="h-10 rounded-md border border-border-strong bg-surface px-3 text-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-primary"
            >
              {roles.map((option) => (
                <option key={option} value={option}>
                  {ROLE_LABEL[option]}
                </option>
              ))}
            </select>
          </div>
        </form>
      )}
    </Dialog>
  );
}

function InviteSummary({ result }: { result: InviteResultJson }) {
  const sections = [
    { label: "Not invited", items: result.notInvited.map((entry) => `${entry.email}: ${entry.message}`) },
    { label: "Already members", items: result.alreadyMember },
    { label: "Already invited (resend from the list)", items: result.alreadyInvited },
    { label: "Listed more than once (invited once)", items: result.duplicates },
    { label: "Not valid", items: result.invalid.map((entry) => `${entry.value}: ${entry.reason}`) },
  ].filter((section) => section.items.length > 0);
  return (
    <div className="flex flex-col gap-3 text-sm" role="status">
      <p className="font-medium">
        Invited {result.invited.length} {result.invited.length === 1 ? "person" : "people"}.
      </p>
      {result.invited.length > 0 ? <p className="text-muted-foreground">{result.invited.map((invitation) => invitation.email).join(", ")}</p> : null}
      {sections.map((section) => (
        <div key={section.label}>
          <p className="font-medium">{section.label}</p>
          <ul className="list-disc pl-5 text-muted-foreground">
            {section.items.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
