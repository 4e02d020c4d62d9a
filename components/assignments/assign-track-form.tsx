"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useRef, useState } from "react";
import type { FormEvent } from "react";
import { Button, buttonStyles } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { Input } from "@/components/ui/input";
import { LoadFailed } from "@/components/ui/load-states";
import { useToast } from "@/components/ui/toast";
import { mayMentor } from "@/lib/authz/policy";
import { assignmentHref, assignmentsHref, assignmentsKey, createAssignments } from "./assignments-api";
import { describeAssignFailure } from "./assign-errors";
import type { AssignFailure, AssignField } from "./assign-errors";
import { preselectedTrackId } from "./assignable-tracks";
import { submissionKeys } from "./idempotency-key";
import { personName } from "./labels";
import { PeoplePicker } from "./people-picker";
import { SkipBranches } from "./skip-branches";
import { countsAfterSkipping, skipOptions, skippedKeysOf } from "./skip-options";
import { TrackChoice } from "./track-choice";
import { useAssignableVersion } from "./use-assignable-version";
import { useToday } from "./use-today";
import { useOrgPeople, useOrgTracks } from "./use-pickers";
import { assignmentBody, validateAssignment } from "./validate-assignment";

const NO_FAILURE: AssignFailure = { fields: {}, message: null, conflicts: [] };

/**
 * "Assign a track": a published version to one person or a cohort, with mentors,
 * dates and skipped branches. Each submission carries an Idempotency-Key, reused
 * when the same form is sent again after a failure, so a retry never assigns twice.
 */
export function AssignTrackForm({ slug, initialTrackId }: { slug: string; initialTrackId: string }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const formRef = useRef<HTMLFormElement>(null);
  const people = useOrgPeople(slug);
  const tracks = useOrgTracks(slug);

  // Null until the manager picks one: until then the linked track, or the only one there is.
  const [pickedTrackId, setTrackId] = useState<string | null>(null);
  const trackId = pickedTrackId ?? preselectedTrackId(tracks.data?.items, initialTrackId);
  const [assigneeIds, setAssigneeIds] = useState<string[]>([]);
  const [mentorIds, setMentorIds] = useState<string[]>([]);
  // Null until the manager picks one: today, in their own calendar.
  const [pickedStartDate, setStartDate] = useState<string | null>(null);
  const today = useToday();
  const startDate = pickedStartDate ?? today;
  const [dueDate, setDueDate] = useState("");
  // Chosen per version: a different version has other branches.
  const [skips, setSkips] = useState<{ versionId: string | null; keys: ReadonlySet<string> }>({ versionId: null, keys: new Set() });
  const [failure, setFailure] = useState<AssignFailure>(NO_FAILURE);
  const [keyFor] = useState(() => submissionKeys());

  const { detail, published, latest, tree } = useAssignableVersion(slug, trackId);
  const nodes = useMemo(() => tree.data?.nodes ?? [], [tree.data]);
  const options = useMemo(() => skipOptions(nodes), [nodes]);
  const chosenSkips = useMemo(() => (skips.versionId === (published?.id ?? null) ? skips.keys : new Set<string>()), [skips, published]);
  const skippedKeys = useMemo(() => skippedKeysOf(options, chosenSkips), [options, chosenSkips]);
  const counts = useMemo(() => countsAfterSkipping(nodes, skippedKeys), [nodes, skippedKeys]);

  const active = useMemo(() => (people.data?.items ?? []).filter((member) => member.status === "ACTIVE"), [people.data]);
  const nameOf = (userId: string) => {
    const member = people.data?.items.find((candidate) => candidate.user.id === userId);
    return member ? personName(member.user) : "someone no longer listed";
  };
  // Nobody mentors their own assignment: the people chosen leave the mentor list.
  const mentorChoices = useMemo(() => active.filter((member) => mayMentor(member.role) && !assigneeIds.includes(member.user.id)), [active, assigneeIds]);
  const effectiveMentorIds = mentorIds.filter((id) => !assigneeIds.includes(id));

  const create = useMutation({
    mutationFn: ({ body, key }: { body: ReturnType<typeof assignmentBody>; key: string }) => createAssignments(slug, body, key),
    onSuccess: async (result) => {
      const first = result.items[0];
      toast({
        tone: "success",
        title: `${first?.track.title ?? "The track"} is assigned to ${result.items.length === 1 && first ? personName(first.assignee) : `${result.items.length} people`}.`,
        // The next step (decision 0039): their progress shows live on the dashboard.
        action: { label: "Watch the dashboard", onAction: () => router.push(`/o/${slug}/dashboard`) },
      });
      await queryClient.invalidateQueries({ queryKey: assignmentsKey(slug) });
      router.push(assignmentsHref(slug));
    },
    onError: (error) => {
      const described = describeAssignFailure(error, nameOf);
      if (described.conflicts.length > 0) {
        const names = described.conflicts.map((conflict) => conflict.name).join(", ");
        described.fields.assigneeIds = `${names} already ${described.conflicts.length === 1 ? "has" : "have"} an active assignment of this track.`;
      }
      setFailure(described);
      if (Object.values(described.fields).some(Boolean)) requestAnimationFrame(() => focusFirstInvalid(formRef.current));
    },
  });

  function clearError(field: AssignField) {
    if (failure.fields[field]) setFailure((current) => ({ ...current, fields: { ...current.fields, [field]: undefined } }));
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    // Enter in a field submits even while the button is busy: one request at a time.
    if (create.isPending || create.isSuccess) return;
    const draft = { trackId, versionNumber: published?.number ?? null, versionState: detail.isSuccess ? ("known" as const) : detail.isError ? ("failed" as const) : ("loading" as const), assigneeIds, mentorIds: effectiveMentorIds, startDate, dueDate };
    const fields = validateAssignment(draft);
    if (Object.keys(fields).length > 0) {
      setFailure({ fields, message: null, conflicts: [] });
      // After the errors render: focus the first field that has one.
      requestAnimationFrame(() => focusFirstInvalid(formRef.current));
      return;
    }
    setFailure(NO_FAILURE);
    const body = assignmentBody(draft, skippedKeys);
    create.mutate({ body, key: keyFor(body) });
  }

  if (people.isError || tracks.isError) {
    const failed = people.isError ? people : tracks;
    return <LoadFailed what={people.isError ? "members" : "tracks"} message={failed.error?.message ?? ""} onRetry={() => void failed.refetch()} />;
  }

  const count = assigneeIds.length;
  const errors = failure.fields;

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label="Assign a track" className="flex flex-col gap-6">
      {failure.message || failure.conflicts.length > 0 ? (
        <FormAlert>
          <p>{failure.message}</p>
          {failure.conflicts.length > 0 ? (
            <>
              <ul className="mt-1 list-disc pl-5">
                {failure.conflicts.map((conflict) => (
                  <li key={conflict.assignmentId}>
                    {conflict.name}:{" "}
                    <Link href={assignmentHref(slug, conflict.assignmentId)} className="underline underline-offset-2">
                      their current assignment
                    </Link>
                  </li>
                ))}
              </ul>
              <p className="mt-1">Take them out of People, or archive their current assignment first.</p>
            </>
          ) : null}
        </FormAlert>
      ) : null}

      <TrackChoice
        tracks={tracks.data?.items}
        trackId={trackId}
        onChange={(next) => {
          setTrackId(next);
          clearError("trackId");
        }}
        detail={detail}
        published={published}
        latest={latest}
        error={errors.trackId}
        slug={slug}
      />

      {people.isPending ? (
        <p className="text-sm text-muted-foreground" role="status">
          Loading people…
        </p>
      ) : (
        <>
          <PeoplePicker
            legend="People"
            hint={`One person, or a cohort: each gets an assignment of their own.${people.data?.complete === false ? " Only the first 5,000 members are listed." : ""}`}
            people={active}
            selected={assigneeIds}
            onChange={(next) => {
              setAssigneeIds(next);
              clearError("assigneeIds");
            }}
            error={errors.assigneeIds}
            emptyText="No active members yet: invite people first."
          />
          <PeoplePicker
            legend="Mentors"
            hint="Mentors, admins and owners; they follow the progress and review evidence."
            people={mentorChoices}
            selected={effectiveMentorIds}
            onChange={(next) => {
              setMentorIds(next);
              clearError("mentorIds");
            }}
            error={errors.mentorIds}
            emptyText="No one who can mentor besides the people chosen: give someone the Mentor role first."
          />
        </>
      )}

      <div className="grid gap-4 sm:grid-cols-2">
        <Input
          label="Start date"
          type="date"
          required
          value={startDate}
          onChange={(event) => {
            setStartDate(event.target.value);
            clearError("startDate");
          }}
          error={errors.startDate}
        />
        <Input
          label="Due date (optional)"
          type="date"
          value={dueDate}
          min={startDate || undefined}
          onChange={(event) => {
            setDueDate(event.target.value);
            clearError("dueDate");
          }}
          error={errors.dueDate}
        />
      </div>

      {published ? (
        tree.isError ? (
          <LoadFailed what={`branches of version ${published.number}`} message={tree.error.message} onRetry={() => void tree.refetch()} />
        ) : tree.isPending ? (
          <p className="text-sm text-muted-foreground" role="status">
            Loading the branches of version {published.number}…
          </p>
        ) : (
          <SkipBranches
            options={options}
            chosen={chosenSkips}
            onToggle={(key, skip) => {
              const keys = new Set(chosenSkips);
              if (skip) keys.add(key);
              else keys.delete(key);
              setSkips({ versionId: published.id, keys });
              clearError("skippedKeys");
            }}
            counted={counts}
            error={errors.skippedKeys}
          />
        )
      ) : null}

      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" loading={create.isPending || create.isSuccess}>
          {count > 1 ? `Assign to ${count} people` : "Assign"}
        </Button>
        <Link href={assignmentsHref(slug)} className={buttonStyles({ variant: "secondary" })}>
          Cancel
        </Link>
      </div>
    </form>
  );
}

/** The first control of the first field marked invalid (a fieldset's first checkbox or search box). */
function focusFirstInvalid(form: HTMLFormElement | null) {
  const invalid = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
  if (!invalid) return;
  const target = invalid.matches("input, select, textarea") ? invalid : invalid.querySelector<HTMLElement>("input, select, textarea");
  target?.focus();
}
