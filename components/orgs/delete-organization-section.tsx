"use client";

import { useState } from "react";
import type { FormEvent } from "react";
import { Button, buttonStyles } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { callEndpoint, endpointUrl } from "@/lib/api/client";
import { api } from "@/lib/api/client-endpoints";
import { ApiError } from "@/lib/http/api-client";

/**
 * Settings' danger zone (owners, decision 0045): the dialog offers the organization's export
 * first, then asks for its name typed out; the server checks the name too, so the button's
 * state is a convenience, not the guard.
 */
export function DeleteOrganizationSection({ slug, name }: { slug: string; name: string }) {
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const matches = typed.trim() === name.trim();

  function onOpenChange(next: boolean) {
    if (pending) return;
    setOpen(next);
    setTyped("");
    setError(undefined);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!matches) {
      setError(`Type ${name} exactly as shown.`);
      return;
    }
    setPending(true);
    setError(undefined);
    try {
      await callEndpoint(api.deleteOrganization, { params: { orgSlug: slug }, body: { confirmName: typed } });
      // A full load, not a client navigation: every cache, socket and open query of this page belongs
      // to an organization that no longer exists (and its live connection is being closed right now).
      window.location.replace("/o?deleted=1");
    } catch (caught) {
      setPending(false);
      setError(caught instanceof ApiError ? (caught.fieldErrors.confirmName ?? caught.message) : "Something went wrong. Nothing was deleted; try again.");
    }
  }

  return (
    <section className="mt-6 rounded-xl border border-danger/50 bg-surface p-6" aria-labelledby="org-danger">
      <h2 id="org-danger" className="text-lg font-semibold">
        Danger zone
      </h2>
      <p className="mt-1 mb-4 text-sm text-muted-foreground">
        Deleting the organization removes its tracks, assignments, progress, evidence and files, comments and audit log for everyone. People keep their accounts and their other organizations. It cannot be undone.
      </p>
      <Button variant="danger" onClick={() => onOpenChange(true)}>
        Delete organization…
      </Button>
      <Dialog open={open} onOpenChange={onOpenChange} title={`Delete ${name}?`} description="This deletes everything in the organization, for every member, and cannot be undone." dismissOnBackdropClick={false}>
        <form id="delete-organization" onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
          <div className="rounded-lg border border-border bg-surface-muted p-4 text-sm">
            <p className="font-medium">Keep a copy first</p>
            <p className="mt-1 text-muted-foreground">
              One JSON file with the members, tracks and their outlines, assignments and progress, evidence (file names), comments and the audit log. Files themselves are not in it: download the ones you need from their items before deleting.
            </p>
            <a href={endpointUrl(api.exportOrganization, { params: { orgSlug: slug } })} download className={buttonStyles({ variant: "secondary", size: "sm", className: "mt-3" })}>
              Download the organization&apos;s data
            </a>
          </div>
          <Input
            label={
              <>
                Type <span className="font-mono">{name}</span> to confirm
              </>
            }
            name="confirmName"
            autoComplete="off"
            spellCheck={false}
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            error={error}
          />
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="secondary" onClick={() => onOpenChange(false)} disabled={pending}>
              Cancel
            </Button>
            <Button type="submit" variant="danger" loading={pending} disabled={!matches}>
              Delete organization
            </Button>
          </div>
        </form>
      </Dialog>
    </section>
  );
}
