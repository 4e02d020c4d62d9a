"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormAlert } from "@/components/ui/form-alert";
import { Input } from "@/components/ui/input";
import { LoadFailed } from "@/components/ui/load-states";
import { useToast } from "@/components/ui/toast";
import { addDays } from "@/lib/assignments/pacing";
import { callEndpoint } from "@/lib/api/client";
import { api } from "@/lib/api/client-endpoints";
import { ApiError } from "@/lib/http/api-client";
import { assignmentKey, fetchAssignment } from "./assignment-api";
import { formatDay } from "./due-date";
import { Time, useDatePlace } from "@/components/ui/time";

interface ExtensionJson {
  id: string;
  previousDueDate: string | null;
  newDueDate: string;
  reason: string;
  createdBy: { id: string; name: string | null; email: string } | null;
  createdAt: string;
}

const MAX_REASON = 500;
const extensionsKey = (slug: string, assignmentId: string) => [...assignmentKey(slug, assignmentId), "due-date-extensions"] as const;

/**
 * The assignment's due-date history (decision 0030), for everyone who sees it; managers also get
 * "Extend due date" (a later date and a required reason). Under the assignment's key, so a live
 * event about the assignment refreshes it with the roadmap.
 */
export function DueDateHistory({ slug, assignmentId, canExtend }: { slug: string; assignmentId: string; canExtend: boolean }) {
  const place = useDatePlace();
  const detail = useQuery({ queryKey: assignmentKey(slug, assignmentId), queryFn: () => fetchAssignment(slug, assignmentId) });
  const history = useQuery({ queryKey: extensionsKey(slug, assignmentId), queryFn: (): Promise<{ items: ExtensionJson[] }> => callEndpoint(api.listAssignmentDueDateExtensions, { params: { orgSlug: slug, assignmentId } }) });
  const [extending, setExtending] = useState(false);
  const assignment = detail.data?.assignment;
  const items = history.data?.items ?? [];
  const mayExtend = canExtend && assignment !== undefined && assignment.dueDate !== null && assignment.status !== "ARCHIVED";

  if (!assignment || (items.length === 0 && !mayExtend && !history.isError)) return null;
  return (
    <section aria-labelledby="due-history-heading" className="flex flex-col gap-2 rounded-xl border border-border bg-surface p-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="due-history-heading" className="text-lg font-semibold">
          Due date
        </h2>
        {mayExtend ? (
          <Button variant="secondary" size="sm" onClick={() => setExtending(true)}>
            Extend due date
          </Button>
        ) : null}
      </div>
      <p className="text-sm">{assignment.dueDate ? `Due ${formatDay(assignment.dueDate, place)}.` : "No due date."}</p>
      {history.isError ? <LoadFailed what="due-date history" message={history.error.message} onRetry={() => void history.refetch()} /> : null}
      {items.length > 0 ? (
        <ol aria-label="Due-date extensions" className="flex flex-col gap-2 text-sm">
          {items.map((item) => (
            <li key={item.id} className="rounded-md border border-border px-3 py-2">
              <p>
                Moved {item.previousDueDate ? `from ${formatDay(item.previousDueDate, place)} ` : ""}to <span className="font-medium">{formatDay(item.newDueDate, place)}</span>
                <span className="text-muted-foreground">
                  {" "}
                  by {item.createdBy ? (item.createdBy.name ?? item.createdBy.email) : "a former member"} on <Time value={item.createdAt} />
                </span>
              </p>
              <p className="mt-1 whitespace-pre-wrap break-words text-muted-foreground">{item.reason}</p>
            </li>
          ))}
        </ol>
      ) : history.isPending ? null : (
        <p className="text-sm text-muted-foreground">Never extended.</p>
      )}
      {extending && assignment.dueDate ? <ExtendDialog slug={slug} assignmentId={assignmentId} currentDueDate={assignment.dueDate} onClose={() => setExtending(false)} /> : null}
    </section>
  );
}

function ExtendDialog({ slug, assignmentId, currentDueDate, onClose }: { slug: string; assignmentId: string; currentDueDate: string; onClose: () => void }) {
  const earliest = addDays(currentDueDate, 1);
  const [dueDate, setDueDate] = useState(addDays(currentDueDate, 7));
  const [reason, setReason] = useState("");
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const queryClient = useQueryClient();
  const toast = useToast();
  const extend = useMutation({
    mutationFn: (body: { dueDate: string; reason: string }) => callEndpoint(api.extendAssignmentDueDate, { params: { orgSlug: slug, assignmentId }, body }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: assignmentKey(slug, assignmentId) });
      toast.toast({ tone: "success", title: `Due date extended to ${formatDay(dueDate)}.` });
      onClose();
    },
  });
  const serverError = extend.error instanceof ApiError ? extend.error : null;
  const errors = { ...serverError?.fieldErrors, ...localErrors };
  const formError = extend.isError && !serverError?.fieldErrors.dueDate && !serverError?.fieldErrors.reason ? extend.error.message : null;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!dueDate || dueDate < earliest) problems.dueDate = `Choose a day after ${formatDay(currentDueDate)}.`;
    if (reason.trim() === "") problems.reason = "Say why the due date moves.";
    setLocalErrors(problems);
    if (Object.keys(problems).length === 0) extend.mutate({ dueDate, reason });
  }

  return (
    <Dialog
      open
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title="Extend due date"
      description={`Currently due ${formatDay(currentDueDate)}. The hire sees the new date and the reason.`}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" form="extend-due-date-form" loading={extend.isPending}>
            Extend
          </Button>
        </>
      }
    >
      <form id="extend-due-date-form" onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
        {formError ? <FormAlert>{formError}</FormAlert> : null}
        <Input
          label="New due date"
          type="date"
          value={dueDate}
          min={earliest}
          onChange={(event) => {
            setDueDate(event.target.value);
            setLocalErrors({});
            extend.reset();
          }}
          error={errors.dueDate}
          data-autofocus
        />
        <div className="flex flex-col gap-1.5">
          <label htmlFor="extend-reason" className="text-sm font-medium">
            Reason
          </label>
          <textarea
            id="extend-reason"
            value={reason}
            rows={3}
            maxLength={MAX_REASON}
            required
            aria-invalid={errors.reason ? true : undefined}
            aria-describedby={`extend-reason-hint${errors.reason ? " extend-reason-error" : ""}`}
            onChange={(event) => {
              setReason(event.target.value);
              setLocalErrors({});
              extend.reset();
            }}
            className={`w-full rounded-md border bg-surface p-3 text-sm text-foreground ${errors.reason ? "border-danger" : "border-border-strong"}`}
          />
          <p id="extend-reason-hint" className="text-sm text-muted-foreground">
            Required, up to {MAX_REASON} characters ({reason.length} used).
          </p>
          {errors.reason ? (
            <p id="extend-reason-error" className="text-sm font-medium text-danger">
              {errors.reason}
            </p>
          ) : null}
        </div>
      </form>
    </Dialog>
  );
}
