"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState } from "react";
import { useSessionDraft } from "@/components/ui/use-session-draft";
import type { FormEvent, KeyboardEvent } from "react";
import { shouldRetryWrite, writeRetryDelay } from "@/components/assignments/roadmap/assignment-api";
import { isWebAddress } from "@/components/assignments/roadmap/item-limits";
import { submissionKeys } from "@/components/assignments/idempotency-key";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { itemEvidenceKey, submitEvidence } from "./evidence-api";
import { describeSubmitFailure } from "./evidence-errors";
import type { SubmitFailure } from "./evidence-errors";
import { checkAttemptFiles, formatBytes, MAX_ATTEMPT_BYTES, MAX_FILE_BYTES, MAX_FILES_PER_ATTEMPT } from "@/lib/evidence/file-types";
import { linkText } from "./evidence-labels";
import { MAX_EVIDENCE_LINK, MAX_EVIDENCE_TEXT } from "./evidence-limits";
import { syncAfterSubmit } from "./evidence-sync";
import { useLinkRecogniser } from "./use-link-recogniser";
import type { SubmitEvidenceBody } from "./types";

const NOTHING = "Add a link, a note or a file.";
const ACCEPT = ".png,.jpg,.jpeg,.gif,.webp,.pdf,.zip,.txt,.md,.log,.json,.csv,.py,.ts,.js,.sql,.yaml,.yml,.toml,image/*,application/pdf,application/zip,text/*";

/** Files are sent as themselves; for the Idempotency-Key, a submission is the same when its files are. */
const identityOf = (body: SubmitEvidenceBody) => ({ ...body, files: body.files?.map((file) => [file.name, file.size, file.lastModified]) });

/** Where the link and note typed but not sent are kept in the tab. */
export const evidenceDraftKeys = (assignmentId: string, itemKey: string) => ({
  link: `evidence-link:${assignmentId}:${itemKey}`,
  note: `evidence-note:${assignmentId}:${itemKey}`,
});

/**
 * The hire's next attempt at an item: a link (a pull request, a commit, any
 * page) and/or a Markdown note. One Idempotency-Key per submission, reused while
 * the same body is tried again (a dropped connection, a 5xx), so a retry never
 * makes two attempts. What is typed stays until the server has it.
 */
export function SubmitEvidenceForm({ slug, assignmentId, itemKey, number }: { slug: string; assignmentId: string; itemKey: string; number: number }) {
  const id = useId();
  const queryClient = useQueryClient();
  const { toast } = useToast();
  // The link and note are kept in the tab until sent (use-session-draft.ts); files cannot be.
  const drafts = evidenceDraftKeys(assignmentId, itemKey);
  const { draft: link, setDraft: setLink } = useSessionDraft(drafts.link, "");
  const { draft: note, setDraft: setNote } = useSessionDraft(drafts.note, "");
  const [files, setFiles] = useState<File[]>([]);
  const [failure, setFailure] = useState<SubmitFailure | null>(null);
  const [keyFor] = useState(() => submissionKeys());
  const linkField = useRef<HTMLInputElement>(null);
  const noteField = useRef<HTMLTextAreaElement>(null);
  const fileField = useRef<HTMLInputElement>(null);

  const submit = useMutation({
    mutationFn: (body: SubmitEvidenceBody) => submitEvidence(slug, assignmentId, itemKey, body, keyFor(identityOf(body))),
    // Safe to repeat: the same body goes with the same Idempotency-Key.
    retry: shouldRetryWrite,
    retryDelay: writeRetryDelay,
    onSuccess: (attempt) => {
      setLink("");
      setNote("");
      setFiles([]);
      if (fileField.current) fileField.current.value = "";
      setFailure(null);
      syncAfterSubmit(queryClient, slug, assignmentId, itemKey, attempt);
      toast({ tone: "success", title: `Attempt ${attempt.number} sent for review`, description: "Your mentors will approve it or say what to change." });
    },
    onError: (error) => {
      const described = describeSubmitFailure(error);
      setFailure(described);
      // Someone (another tab) already sent one: show the list as it is.
      if (described.stale) void queryClient.invalidateQueries({ queryKey: itemEvidenceKey(slug, assignmentId, itemKey), exact: true });
      if (described.fields.link) linkField.current?.focus();
      else if (described.fields.note) noteField.current?.focus();
      else if (described.fields.files) fileField.current?.focus();
    },
  });

  const trimmedLink = link.trim();
  const recognise = useLinkRecogniser(trimmedLink !== "");
  // Until the rules have loaded, the one check that needs none; the server has the last word.
  const parsed = !trimmedLink ? null : recognise ? recognise(trimmedLink) : isWebAddress(trimmedLink) ? null : ({ ok: false, message: "A link is an http:// or https:// address." } as const);

  function send(event?: FormEvent) {
    event?.preventDefault();
    if (submit.isPending) return;
    const sizes = checkAttemptFiles(files);
    if (!sizes.ok) {
      setFailure({ fields: { files: sizes.message }, message: null, stale: false });
      fileField.current?.focus();
      return;
    }
    if (!trimmedLink && !note.trim() && files.length === 0) {
      setFailure({ fields: { link: NOTHING }, message: null, stale: false });
      linkField.current?.focus();
      return;
    }
    if (parsed && !parsed.ok) {
      setFailure({ fields: { link: parsed.message }, message: null, stale: false });
      linkField.current?.focus();
      return;
    }
    setFailure(null);
    submit.mutate({ ...(trimmedLink ? { link: trimmedLink } : {}), ...(note.trim() ? { note } : {}), ...(files.length > 0 ? { files } : {}) });
  }

  function onNoteKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      send();
    }
  }

  const recognised = parsed?.ok && parsed.kind !== "link" ? linkText(parsed) : null;
  const noteError = failure?.fields.note;
  const filesError = failure?.fields.files;

  return (
    <form noValidate onSubmit={send} aria-labelledby={`${id}-title`} className="flex flex-col gap-3 rounded-md border border-border p-3">
      <h4 id={`${id}-title`} className="text-sm font-semibold">
        {number === 1 ? "Submit evidence" : `Submit attempt ${number}`}
      </h4>
      {failure?.message ? <FormAlert>{failure.message}</FormAlert> : null}
      <Input
        ref={linkField}
        label="Link"
        type="url"
        inputMode="url"
        autoComplete="off"
        placeholder="https://github.com/acme/api/pull/42"
        value={link}
        maxLength={MAX_EVIDENCE_LINK}
        onChange={(event) => {
          setLink(event.target.value);
          if (failure?.fields.link) setFailure({ ...failure, fields: { ...failure.fields, link: undefined } });
        }}
        hint={recognised ? `Recognised: ${recognised}` : "A pull or merge request, a commit, or any page that shows your work."}
        error={failure?.fields.link}
      />
      <div className="flex flex-col gap-1.5">
        <label htmlFor={`${id}-note`} className="text-sm font-medium">
          Note
        </label>
        <textarea
          ref={noteField}
          id={`${id}-note`}
          value={note}
          rows={4}
          maxLength={MAX_EVIDENCE_TEXT}
          aria-invalid={noteError ? true : undefined}
          aria-describedby={`${id}-note-hint${noteError ? ` ${id}-note-error` : ""}`}
          onChange={(event) => setNote(event.target.value)}
          onKeyDown={onNoteKeyDown}
          placeholder="What you did, what to look at first…"
          className="w-full rounded-md border border-border-strong bg-surface px-3 py-2 font-mono text-sm text-foreground placeholder:text-muted-foreground aria-invalid:border-danger"
        />
        <p id={`${id}-note-hint`} className="text-xs text-muted-foreground">
          Markdown. Your mentors see it with the link. Ctrl+Enter sends.
        </p>
        {noteError ? (
          <p id={`${id}-note-error`} className="text-sm font-medium text-danger">
            {noteError}
          </p>
        ) : null}
      </div>
      <div className="flex flex-col gap-1.5">
        <label htmlFor={`${id}-files`} className="text-sm font-medium">
          Files
        </label>
        <input
          ref={fileField}
          id={`${id}-files`}
          type="file"
          multiple
          accept={ACCEPT}
          aria-invalid={filesError ? true : undefined}
          aria-describedby={`${id}-files-hint${filesError ? ` ${id}-files-error` : ""}`}
          onChange={(event) => {
            setFiles(Array.from(event.target.files ?? []));
            if (filesError && failure) setFailure({ ...failure, fields: { ...failure.fields, files: undefined } });
          }}
          className="text-sm file:mr-3 file:rounded-md file:border file:border-border-strong file:bg-surface file:px-3 file:py-1.5 file:text-sm"
        />
        <p id={`${id}-files-hint`} className="text-xs text-muted-foreground">
          Up to {MAX_FILES_PER_ATTEMPT} files, {formatBytes(MAX_FILE_BYTES)} each and {formatBytes(MAX_ATTEMPT_BYTES)} in all: images, PDF, ZIP or text.
          {files.length > 0 ? ` Chosen: ${files.map((file) => `${file.name} (${formatBytes(file.size)})`).join(", ")}.` : ""}
        </p>
        {filesError ? (
          <p id={`${id}-files-error`} className="text-sm font-medium text-danger">
            {filesError}
          </p>
        ) : null}
      </div>
      <div>
        <Button type="submit" size="sm" loading={submit.isPending}>
          Submit evidence
        </Button>
      </div>
    </form>
  );
}
