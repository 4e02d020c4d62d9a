"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useMemo, useState } from "react";
import type { ChangeEvent, FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { Input } from "@/components/ui/input";
import { ApiError } from "@/lib/http/api-client";
import { tidyTitle } from "@/lib/outline/tidy-title";
import { PreviewResults } from "./preview-results";
import { readOutlineFile } from "./read-outline-file";
import { TidyTitlesChoice, titleChanges } from "./tidy-titles-choice";
import { previewTrackImport, trackHref } from "./tracks-api";
import type { ImportFormat } from "./tracks-api";
import type { ImportPreviewJson } from "./types";
import { useCreateTrack } from "./use-tracks";

const FORMAT_CHOICES: ReadonlyArray<[ImportFormat, string]> = [
  ["auto", "Detect from the text"],
  ["text", "Cairn text format"],
  ["markdown", "Markdown"],
];

/**
 * Paste or load a roadmap (Cairn's text format or Markdown), preview it, then
 * import it. The preview is kept with the text and format choice it was made
 * from: Import is enabled only while both are unchanged and the preview found no
 * errors, and it sends the format the preview read, so what gets saved is what
 * was shown.
 */
export function ImportForm({ slug }: { slug: string }) {
  const router = useRouter();
  const textId = useId();
  const [title, setTitle] = useState("");
  const [text, setText] = useState("");
  const [format, setFormat] = useState<ImportFormat>("auto");
  const [fileError, setFileError] = useState<string | null>(null);
  const [preview, setPreview] = useState<{ text: string; format: ImportFormat; result: ImportPreviewJson } | null>(null);
  // "Tidy titles" is never forced: off until ticked, and only offered when a title would change.
  const [tidy, setTidy] = useState(false);
  const changes = useMemo(() => (preview?.result.ok ? titleChanges(preview.result, tidyTitle) : []), [preview]);
  const tidying = tidy && changes.length > 0;
  const previewRequest = useMutation({ mutationFn: (source: { text: string; format: ImportFormat }) => previewTrackImport(slug, source.text, source.format) });
  const create = useCreateTrack(slug);

  const current = preview?.text === text && preview.format === format ? preview.result : null;
  const canImport = current?.ok === true && !create.isPending && !create.isSuccess;
  const fieldErrors = create.error instanceof ApiError ? create.error.fieldErrors : {};

  function onPreview(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) return;
    previewRequest.mutate({ text, format }, { onSuccess: (result, source) => setPreview({ ...source, result }) });
  }

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    const read = await readOutlineFile(file);
    setFileError(read.ok ? null : read.message);
    // The format is detected from the text, not the file name: a .md file may well hold the text format.
    if (read.ok) setText(read.text);
    // Clearing lets the same file be chosen again after it is edited on disk.
    event.target.value = "";
  }

  function onImport() {
    const trimmed = title.trim();
    if (!current) return;
    create.mutate({ ...(trimmed && { title: trimmed }), text, format: current.format, ...(tidying && { tidyTitles: true }) }, { onSuccess: (track) => router.push(trackHref(slug, track.id)) });
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
            Cairn&apos;s text format (section banners between lines of <code>=</code>, then <code>-</code> bullets indented by depth) or a Markdown checklist.
          </p>
          <MarkdownHelp />
        </div>
        <div className="flex flex-col gap-1.5">
          <label htmlFor={`${textId}-format`} className="text-sm font-medium">
            Format
          </label>
          <select id={`${textId}-format`} value={format} onChange={(event) => setFormat(event.target.value as ImportFormat)} className="w-full max-w-xs rounded-md border border-border-strong bg-surface px-3 py-2 text-sm text-foreground">
            {FORMAT_CHOICES.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
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
            {preview && !current ? "The text or format changed since the preview: preview it again to import." : !preview ? "Preview the text to check it before importing." : ""}
          </p>
        </div>
        {previewRequest.isError ? <FormAlert>The preview failed: {previewRequest.error.message}</FormAlert> : null}
        {create.isError ? <FormAlert>The track could not be imported: {create.error.message}</FormAlert> : null}
      </form>
      {preview ? (
        <PreviewResults
          preview={preview.result}
          tidy={{ choice: changes.length > 0 ? <TidyTitlesChoice changes={changes} checked={tidy} onChange={setTidy} /> : null, title: tidying ? tidyTitle : null }}
        />
      ) : null}
    </div>
  );
}

/** How Markdown maps onto a track (decision 0031; lib/outline/markdown.ts). */
function MarkdownHelp() {
  return (
    <details className="text-sm text-muted-foreground">
      <summary className="cursor-pointer font-medium text-foreground">How Markdown is read</summary>
      <ul className="mt-2 flex list-disc flex-col gap-1 pl-5">
        <li>
          The only <code>#</code> heading at the top is the track&apos;s title; <code>#</code>, <code>##</code> and <code>###</code> headings are sections.
        </li>
        <li>
          <code>####</code> and deeper headings are items, and the list below them nests under them.
        </li>
        <li>
          List items (<code>- [ ]</code>, <code>- [x]</code>, <code>*</code>, <code>1.</code>) are items, nested by indentation; the check boxes are dropped (progress is each hire&apos;s).
        </li>
        <li>
          <code>[text](https://…)</code> links in an item become its links, the text stays in its title; so do the links on a <code>Links:</code> line under it.
        </li>
        <li>Text indented under an item is its description. Text outside any item is left out, and listed with the repairs.</li>
        <li>
          A title ending in <code>(optional)</code> makes the item optional.
        </li>
      </ul>
    </details>
  );
}
