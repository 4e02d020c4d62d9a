"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormAlert } from "@/components/ui/form-alert";
import { Input } from "@/components/ui/input";
import { LoadFailed, LoadingStatus } from "@/components/ui/load-states";
import { useToast } from "@/components/ui/toast";
import { callEndpoint } from "@/lib/api/client";
import type { EndpointBody } from "@/lib/api/client";
import { api } from "@/lib/api/client-endpoints";
import { ApiError } from "@/lib/http/api-client";
import { DeliveryLog } from "./delivery-log";
import { EditEndpointDialog } from "./edit-endpoint-dialog";
import { TypeCheckboxes } from "./type-checkboxes";
import { deliveriesKey, endpointsKey, SLACK_TYPE_LABELS } from "./types";
import type { Endpoint, EndpointKind, EndpointList } from "./types";
import { Time } from "@/components/ui/time";

const WORDS = {
  WEBHOOK: { noun: "webhook", add: "Add webhook", urlLabel: "Payload URL", urlHint: "Cairn POSTs signed JSON here (see the receivers' guide).", descriptionLabel: "Description (optional)" },
  SLACK: { noun: "Slack channel", add: "Connect channel", urlLabel: "Incoming-webhook URL", urlHint: "From Slack: Apps → Incoming Webhooks → the channel's URL (https://hooks.slack.com/services/…).", descriptionLabel: "Channel name (optional)" },
} as const;

function errorText(error: unknown) {
  return error instanceof ApiError ? error.message : "Something went wrong. Try again.";
}

/** Settings → Webhooks / Slack: the organization's endpoints of one kind, a form to add one, and each one's log. */
export function IntegrationsManager({ slug, kind }: { slug: string; kind: EndpointKind }) {
  const key = endpointsKey(slug, kind);
  const list = useQuery({ queryKey: key, queryFn: (): Promise<EndpointList> => callEndpoint(api.listWebhooks, { params: { orgSlug: slug }, query: { kind } }) });

  return (
    <div className="flex flex-col gap-6">
      {list.isError ? (
        <LoadFailed what={`${WORDS[kind].noun}s`} message={list.error.message} onRetry={() => void list.refetch()} />
      ) : list.isPending ? (
        <LoadingStatus block>{`Loading the ${WORDS[kind].noun}s…`}</LoadingStatus>
      ) : (
        <>
          <CreateEndpointForm slug={slug} kind={kind} types={kind === "SLACK" ? list.data.slackEventTypes : list.data.eventTypes} />
          <section aria-labelledby="endpoints-heading" className="flex flex-col gap-4">
            <h2 id="endpoints-heading" className="text-lg font-semibold">
              {kind === "SLACK" ? "Connected channels" : "Webhooks"}
            </h2>
            {list.data.items.length === 0 ? (
              <p className="rounded-xl border border-dashed border-border p-6 text-sm text-muted-foreground">No {WORDS[kind].noun}s yet. Add one above.</p>
            ) : (
              <ul className="flex flex-col gap-4">
                {list.data.items.map((endpoint) => (
                  <EndpointCard key={endpoint.id} slug={slug} endpoint={endpoint} types={kind === "SLACK" ? list.data.slackEventTypes : list.data.eventTypes} />
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </div>
  );
}

function CreateEndpointForm({ slug, kind, types }: { slug: string; kind: EndpointKind; types: string[] }) {
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const [chosen, setChosen] = useState<string[]>(kind === "SLACK" ? [...types] : []);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [secret, setSecret] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (body: { url: string; description: string; eventTypes: string[] }): Promise<Endpoint & { secret: string | null }> => {
      if (kind !== "SLACK") return callEndpoint(api.createWebhook, { params: { orgSlug: slug }, body });
      // The boxes offer only the types a Slack channel takes (the `types` prop); the API checks them all the same.
      const eventTypes = body.eventTypes as EndpointBody<typeof api.createSlackChannel>["eventTypes"];
      return callEndpoint(api.createSlackChannel, { params: { orgSlug: slug }, body: { ...body, eventTypes } });
    },
    onSuccess: (created, _body) => {
      void queryClient.invalidateQueries({ queryKey: endpointsKey(slug, kind) });
      if (created.secret) setSecret(created.secret);
      else toast({ tone: "success", title: `${WORDS[kind].noun[0]!.toUpperCase()}${WORDS[kind].noun.slice(1)} added` });
    },
    onError: (error) => setErrors(error instanceof ApiError ? { ...error.fieldErrors, form: error.message } : { form: errorText(error) }),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const url = String(data.get("url") ?? "").trim();
    const found: Record<string, string> = {};
    if (!url) found.url = "Enter the URL.";
    if (chosen.length === 0) found.eventTypes = "Choose at least one event type.";
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    create.mutate(
      { url, description: String(data.get("description") ?? "").trim(), eventTypes: chosen },
      { onSuccess: () => form.reset() },
    );
  }

  const words = WORDS[kind];
  return (
    <section aria-labelledby="create-heading" className="rounded-xl border border-border bg-surface p-6">
      <h2 id="create-heading" className="text-lg font-semibold">
        {words.add}
      </h2>
      <form onSubmit={onSubmit} className="mt-4 flex flex-col gap-4" noValidate>
        {errors.form && !errors.url && !errors.eventTypes ? <FormAlert>{errors.form}</FormAlert> : null}
        <Input label={words.urlLabel} name="url" type="url" inputMode="url" placeholder={kind === "SLACK" ? "https://hooks.slack.com/services/…" : "https://example.com/cairn-events"} hint={words.urlHint} error={errors.url} required maxLength={2048} />
        <Input label={words.descriptionLabel} name="description" maxLength={100} />
        <fieldset className="flex flex-col gap-2" aria-describedby={errors.eventTypes ? "event-types-error" : undefined}>
          <legend className="mb-1 text-sm font-medium">{kind === "SLACK" ? "Post these" : "Event types"}</legend>
          <TypeCheckboxes types={types} chosen={chosen} onChange={setChosen} />
          {kind === "SLACK" ? (
            <p className="text-xs text-muted-foreground">Stuck and overdue are checked every hour: a post when a hire gets stuck, and when an assignment becomes overdue (then weekly while it stays overdue).</p>
          ) : null}
          {errors.eventTypes ? (
            <p id="event-types-error" className="text-sm text-danger">
              {errors.eventTypes}
            </p>
          ) : null}
        </fieldset>
        <div>
          <Button type="submit" loading={create.isPending}>
            {words.add}
          </Button>
        </div>
      </form>
      <SecretDialog secret={secret} onClose={() => setSecret(null)} />
    </section>
  );
}

function SecretDialog({ secret, onClose, title = "Your signing secret" }: { secret: string | null; onClose: () => void; title?: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <Dialog
      open={secret !== null}
      onOpenChange={(open) => {
        if (!open) {
          setCopied(false);
          onClose();
        }
      }}
      dismissOnBackdropClick={false}
      title={title}
      description="Copy it now: Cairn shows it only this once. Use it to verify the Cairn-Signature header of each delivery."
      footer={
        <>
          <Button
            variant="secondary"
            onClick={() => {
              void navigator.clipboard?.writeText(secret ?? "").then(() => setCopied(true), () => setCopied(false));
            }}
          >
            {copied ? "Copied" : "Copy"}
          </Button>
          <Button data-autofocus onClick={() => { setCopied(false); onClose(); }}>
            Done
          </Button>
        </>
      }
    >
      <p className="rounded-lg border border-border bg-surface-muted p-3 font-mono text-sm break-all" data-testid="webhook-secret">
        {secret}
      </p>
    </Dialog>
  );
}

function EndpointCard({ slug, endpoint, types }: { slug: string; endpoint: Endpoint; types: string[] }) {
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const [showLog, setShowLog] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [editing, setEditing] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const params = { orgSlug: slug, endpointId: endpoint.id };
  const refresh = () => queryClient.invalidateQueries({ queryKey: endpointsKey(slug, endpoint.kind) });
  const name = endpoint.description || endpoint.url;

  const toggle = useMutation({
    mutationFn: (): Promise<Endpoint> => callEndpoint(api.updateWebhook, { params, body: { enabled: !endpoint.enabled } }),
    onSuccess: (saved) => {
      toast({ tone: "success", title: saved.enabled ? "Turned on" : "Turned off" });
      void refresh();
    },
    onError: (error) => toast({ tone: "error", title: "Not changed", description: errorText(error) }),
  });
  const test = useMutation({
    mutationFn: () => callEndpoint(api.sendTestWebhook, { params }),
    onSuccess: () => {
      setShowLog(true);
      toast({ tone: "success", title: "Test event queued", description: "Its delivery appears in the log." });
      void queryClient.invalidateQueries({ queryKey: deliveriesKey(slug, endpoint.id) });
    },
    onError: (error) => toast({ tone: "error", title: "No test event sent", description: errorText(error) }),
  });
  const rotate = useMutation({
    mutationFn: () => callEndpoint(api.rotateWebhookSecret, { params }),
    onSuccess: (answer) => setSecret(answer.secret),
    onError: (error) => toast({ tone: "error", title: "The secret was not rotated", description: errorText(error) }),
  });
  const remove = useMutation({
    mutationFn: () => callEndpoint(api.deleteWebhook, { params }),
    onSuccess: () => {
      setConfirmDelete(false);
      toast({ tone: "success", title: "Deleted" });
      void refresh();
    },
    onError: (error) => toast({ tone: "error", title: "Not deleted", description: errorText(error) }),
  });

  return (
    <li className="rounded-xl border border-border bg-surface p-5" aria-label={name} data-testid="endpoint">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="font-medium break-all">{endpoint.description || endpoint.url}</p>
          {endpoint.description ? <p className="font-mono text-xs break-all text-muted-foreground">{endpoint.url}</p> : null}
          <p className="mt-1 text-sm">
            {endpoint.enabled ? (
              endpoint.failingSince ? (
                <span className="text-danger">Failing since <Time value={endpoint.failingSince} format="dateTime" /></span>
              ) : (
                <span className="text-success">On</span>
              )
            ) : (
              <span className="text-danger">Off{endpoint.disabledReason ? `: ${endpoint.disabledReason}` : ""}</span>
            )}
          </p>
          <p className="mt-1 text-xs text-muted-foreground">{endpoint.eventTypes.map((type) => SLACK_TYPE_LABELS[type] ?? type).join(", ")}</p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button size="sm" variant="secondary" onClick={() => setEditing(true)} aria-haspopup="dialog">
            Edit
          </Button>
          <Button size="sm" variant="secondary" onClick={() => test.mutate()} loading={test.isPending} disabled={!endpoint.enabled}>
            Send test event
          </Button>
          <Button size="sm" variant="secondary" onClick={() => toggle.mutate()} loading={toggle.isPending}>
            {endpoint.enabled ? "Turn off" : "Turn on"}
          </Button>
          {endpoint.kind === "WEBHOOK" ? (
            <Button size="sm" variant="secondary" onClick={() => rotate.mutate()} loading={rotate.isPending}>
              Rotate secret
            </Button>
          ) : null}
          <Button size="sm" variant="danger" onClick={() => setConfirmDelete(true)}>
            Delete
          </Button>
        </div>
      </div>
      <div className="mt-4">
        <Button size="sm" variant="ghost" aria-expanded={showLog} onClick={() => setShowLog((shown) => !shown)}>
          {showLog ? "Hide delivery log" : "Show delivery log"}
        </Button>
        {showLog ? (
          <div className="mt-3">
            <DeliveryLog slug={slug} endpointId={endpoint.id} enabled={endpoint.enabled} />
          </div>
        ) : null}
      </div>
      <SecretDialog secret={secret} onClose={() => setSecret(null)} title="Your new signing secret" />
      {editing ? <EditEndpointDialog slug={slug} endpoint={endpoint} types={types} onClose={() => setEditing(false)} /> : null}
      <Dialog
        open={confirmDelete}
        onOpenChange={setConfirmDelete}
        title={`Delete ${name}?`}
        description="Nothing more is sent to it, and its delivery log is deleted with it."
        footer={
          <>
            <Button variant="secondary" onClick={() => setConfirmDelete(false)}>
              Cancel
            </Button>
            <Button variant="danger" loading={remove.isPending} onClick={() => remove.mutate()}>
              Delete
            </Button>
          </>
        }
      />
    </li>
  );
}
