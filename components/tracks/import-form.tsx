"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import type { ChangeEvent, FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { Input } from "@/components/ui/input";
import { ApiError } from "@/lib/http/api-client";
import { PreviewResults } from "./preview-results";
import { readRoadmapFile } from "./read-roadmap-file";
import { previewTrackImport, trackHref } from "./tracks-api";
import type { ImportPreviewJson } from "./types";
import { useCreateTrack } from "./use-tracks";

/**
 * Paste or load a roadmap, preview it, then import it. The preview is kept with
 * the text it was made from: Import is enabled only while the text is unchanged
 * and the preview found no errors, so what gets saved is what was shown.
 */
export function ImportForm({ slug }: { slug: string }) {
  const router = useRouter();
  const textId = useId();
  const [title, setTitle] = useState("");
  const [text, setText] = useState("");
  const [fileError, setFileError] = useState<string | null>(null);
  const [preview, setPreview] = useState<{ text: string; result: ImportPreviewJson } | null>(null);
  const previewRequest = useMutation({ mutationFn: (source: string) => previewTrackImport(slug, source) });
  const create = useCreateTrack(slug);

  const current = preview?.text === text ? preview.result : null;
  const canImport = current?.ok === true && !create.isPending && !create.isSuccess;
  const fieldErrors = create.error instanceof ApiError ? create.error.fieldErrors : {};

  function onPreview(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) return;
    previewRequest.mutate(text, { onSuccess: (result, source) => setPreview({ text: source, result }) });
  }

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    const read = await readRoadmapFile(file);
    setFileError(read.ok ? null : read.message);
    if (read.ok) setText(read.text);
    // Clearing lets the same file be chosen again after it is edited on disk.
    event.target.value = "";
  }

  function onImport() {
    const trimmed = title.trim();
    create.mutate({ ...(trimmed && { title: trimmed }), text }, { onSuccess: (track) => router.push(trackHref(slug, track.id)) });
  }

  return (
    <div className="flex flex-col gap-6">
      <form onSubmit={onPreview} className="flex flex-col gap-4" aria-label="Import a track">
        <Input label="Title (optional)" hint="Leave empty to use the roadmap's # title." value={title} onChange={(event) => setTitle(event.target.value)} maxLength={200} error={fieldErrors.title} />
        <div className="flex flex-col gap-1.5">
          <label htmlFor={textId} className="text-sm font-medium">
            Roadmap text
          </label>
          <textarea
            id={textId}
            value={text}
            onChange={(event) => setText(event.target.value)}
            rows={14}
            spellCheck={false}
            aria-describedby={`${textId}-hint`}
            className="w-full rounded-md border border-border-strong bg-surface p-3 font-mono text-xs text-foreground"
          />
          <p id={`${textId}-hint`} className="text-sm text-muted-foreground">
            Section banners between lines of <code>=</code>, then <code>-</code> bullets indented by depth.
          </p>
        </div>
        <div className="flex flex-col gap-1.5">
          <label htmlFor={`${textId}-file`} className="text-sm font-medium">
            Or load a file (.md or .txt, at most 1 MB)
          </label>
          <input id={`${textId}-file`} type="file" accept=".md,.txt,text/markdown,text/plain" onChange={(event) => void onFile(event)} className="text-sm" />
          {fileError ? <FormAlert>{fileError}</FormAlert> : null}
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <Button type="submit" variant="secondary" loading={previewRequest.isPending} disabled={!text.trim()}>
            Preview
          </Button>
          <Button onClick={onImport} disabled={!canImport} loading={create.isPending || create.isSuccess}>
            Import
          </Button>
          <p className="text-sm text-muted-foreground" role="status">
            {preview && !current ? "The text changed since the preview: preview it again to import." : !preview ? "Preview the text to check it before importing." : ""}
          </p>
        </div>
        {previewRequest.isError ? <FormAlert>The preview failed: {previewRequest.error.message}</FormAlert> : null}
        {create.isError ? <FormAlert>The track could not be imported: {create.error.message}</FormAlert> : null}
      </form>
      {preview ? <PreviewResults preview={preview.result} /> : null}
    </div>
  );
}
