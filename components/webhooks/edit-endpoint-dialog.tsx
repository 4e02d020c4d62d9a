"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState } from "react";
import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormAlert } from "@/components/ui/form-alert";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { callEndpoint } from "@/lib/api/client";
import { api } from "@/lib/api/client-endpoints";
import { ApiError } from "@/lib/http/api-client";
import { TypeCheckboxes } from "./type-checkboxes";
import { endpointsKey } from "./types";
import type { Endpoint } from "./types";

interface Changes {
  url?: string;
  description?: string;
  eventTypes?: string[];
}

const sameTypes = (a: string[], b: string[]) => a.length === b.length && a.every((type) => b.includes(type));

/** The server's field errors under the form's names ("eventTypes.2" is the event types' error). */
function formErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return { form: "Something went wrong. Try again." };
  const errors: Record<string, string> = {};
  for (const [field, message] of Object.entries(error.fieldErrors)) errors[field.split(".")[0]!] ??= message;
  if (!errors.url && !errors.description && !errors.eventTypes) errors.form = error.message;
  return errors;
}

/**
 * Edit a webhook or Slack channel: its URL (checked by the server as when it was added), its
 * description and its event types. Only what changed is sent; the signing secret stays (Rotate
 * secret is its own action). A Slack URL is a secret the page never has in full, so its field
 * starts empty and an empty field keeps it.
 */
export function EditEndpointDialog({ slug, endpoint, types, onClose }: { slug: string; endpoint: Endpoint; types: string[]; onClose: () => void }) {
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const formId = useId();
  const urlRef = useRef<HTMLInputElement>(null);
  const slack = endpoint.kind === "SLACK";
  const [chosen, setChosen] = useState<string[]>(endpoint.eventTypes.filter((type) => types.includes(type)));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (body: Changes): Promise<Endpoint> => callEndpoint(api.updateWebhook, { params: { orgSlug: slug, endpointId: endpoint.id }, body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: endpointsKey(slug, endpoint.kind) });
      toast({ tone: "success", title: "Saved" });
      onClose();
    },
    onError: (error) => {
      const found = formErrors(error);
      setErrors(found);
      if (found.url) urlRef.current?.focus();
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const url = String(data.get("url") ?? "").trim();
    const description = String(data.get("description") ?? "").trim();
    const found: Record<string, string> = {};
    if (!slack && !url) found.url = "Enter the URL.";
    if (chosen.length === 0) found.eventTypes = "Choose at least one event type.";
    setErrors(found);
    if (found.url) urlRef.current?.focus();
    if (Object.keys(found).length > 0) return;
    const changes: Changes = {
      ...(url && url !== endpoint.url ? { url } : {}),
      ...(description !== endpoint.description ? { description } : {}),
      ...(!sameTypes(chosen, endpoint.eventTypes) ? { eventTypes: chosen } : {}),
    };
    if (Object.keys(changes).length === 0) return onClose();
    save.mutate(changes);
  }

  return (
    <Dialog
      open
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      dismissOnBackdropClick={false}
      title={`Edit ${endpoint.description || (slack ? "Slack channel" : "webhook")}`}
      description={slack ? "Where Cairn posts and what. Deliveries still waiting go to the new URL." : "Where Cairn sends and what. The signing secret stays the same; deliveries still waiting go to the new URL."}
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={save.isPending}>
            Cancel
          </Button>
          <Button type="submit" form={formId} loading={save.isPending}>
            Save changes
          </Button>
        </>
      }
    >
      <form id={formId} onSubmit={onSubmit} className="flex flex-col gap-4" noValidate aria-busy={save.isPending}>
        {errors.form ? <FormAlert>{errors.form}</FormAlert> : null}
        <Input
          ref={urlRef}
          data-autofocus
          label={slack ? "New incoming-webhook URL" : "Payload URL"}
          name="url"
          type="url"
          inputMode="url"
          defaultValue={slack ? "" : endpoint.url}
          placeholder={slack ? "https://hooks.slack.com/services/…" : "https://example.com/cairn-events"}
          hint={slack ? `Leave empty to keep ${endpoint.url}` : "Cairn checks it as when the webhook was added: http(s), a public address."}
          error={errors.url}
          required={!slack}
          maxLength={2048}
          disabled={save.isPending}
        />
        <Input label={slack ? "Channel name (optional)" : "Description (optional)"} name="description" defaultValue={endpoint.description} error={errors.description} maxLength={100} disabled={save.isPending} />
        <fieldset className="flex flex-col gap-2" aria-describedby={errors.eventTypes ? `${formId}-types-error` : undefined}>
          <legend className="mb-1 text-sm font-medium">{slack ? "Post these" : "Event types"}</legend>
          <TypeCheckboxes types={types} chosen={chosen} onChange={setChosen} disabled={save.isPending} />
          {errors.eventTypes ? (
            <p id={`${formId}-types-error`} className="text-sm text-danger">
              {errors.eventTypes}
            </p>
          ) : null}
        </fieldset>
      </form>
    </Dialog>
  );
}
