"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import type { ButtonSize, ButtonVariant } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormAlert } from "@/components/ui/form-alert";
import { useToast } from "@/components/ui/toast";
import { callEndpoint } from "@/lib/api/client";
import { api } from "@/lib/api/client-endpoints";
import { ApiError } from "@/lib/http/api-client";

/** The API's limit (lib/reminders/nudge.ts). */
const MAX = 500;

/**
 * "Nudge": a short plain-text message to a hire (managers, and the hire's
 * mentors). The server allows one per hire per day; a second is refused with when
 * it is allowed again, which the dialog shows as it is.
 */
export function NudgeButton({ slug, assignmentId, hireName, variant = "secondary", size = "sm" }: { slug: string; assignmentId: string; hireName: string; variant?: ButtonVariant; size?: ButtonSize }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button type="button" variant={variant} size={size} onClick={() => setOpen(true)} aria-label={`Nudge ${hireName}`}>
        Nudge
      </Button>
      {open ? <NudgeDialog slug={slug} assignmentId={assignmentId} hireName={hireName} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function NudgeDialog({ slug, assignmentId, hireName, onClose }: { slug: string; assignmentId: string; hireName: string; onClose: () => void }) {
  const { toast } = useToast();
  const [message, setMessage] = useState("");
  const [localError, setLocalError] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: (text: string) => callEndpoint(api.nudgeHire, { params: { orgSlug: slug, assignmentId }, body: { message: text } }),
    onSuccess: () => {
      toast({ tone: "success", title: "Nudge sent", description: `${hireName} sees it in their notifications now, and by email outside their quiet hours.` });
      onClose();
    },
  });
  const serverError = send.error instanceof ApiError ? send.error : null;
  const fieldError = localError ?? serverError?.fieldErrors.message ?? null;
  const formError = send.isError && !serverError?.fieldErrors.message ? send.error.message : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    const text = message.trim();
    if (!text) return setLocalError("Write a short message.");
    if (text.length > MAX) return setLocalError(`Keep it to ${MAX} characters.`);
    send.mutate(text);
  }

  return (
    <Dialog
      open
      onOpenChange={(next) => {
        if (!next) onClose();
      }}
      dismissOnBackdropClick={false}
      title={`Nudge ${hireName}`}
      description="A short note they see in their notifications and by email. One nudge per person per day."
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" form="nudge-form" loading={send.isPending}>
            Send nudge
          </Button>
        </>
      }
    >
      <form id="nudge-form" onSubmit={submit} noValidate className="flex flex-col gap-2">
        {formError ? <FormAlert>{formError}</FormAlert> : null}
        <label htmlFor="nudge-message" className="text-sm font-medium">
          Message
        </label>
        <textarea
          id="nudge-message"
          data-autofocus
          value={message}
          rows={4}
          maxLength={MAX}
          onChange={(event) => {
            setMessage(event.target.value);
            setLocalError(null);
            if (send.isError) send.reset();
          }}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={`nudge-hint${fieldError ? " nudge-error" : ""}`}
          className="rounded-md border border-border-strong bg-surface px-3 py-2 text-sm"
        />
        <p id="nudge-hint" className="text-xs text-muted-foreground">
          Plain text, {message.length}/{MAX} characters.
        </p>
        {fieldError ? (
          <p id="nudge-error" role="alert" className="text-sm text-danger">
            {fieldError}
          </p>
        ) : null}
      </form>
    </Dialog>
  );
}
