import type { AttemptJson } from "./types";

const sizeFormat = new Intl.NumberFormat("en", { maximumFractionDigits: 1 });

/** "340 KB", "2.4 MB": a file's size as people say it. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${sizeFormat.format(bytes / 1024)} KB`;
  return `${sizeFormat.format(bytes / (1024 * 1024))} MB`;
}

// The API gives its own download path; anything else is not a link this page makes.
const isDownload = (url: string) => url.startsWith("/api/") || /^https:\/\//i.test(url);

/** The files sent with an attempt, each a download (the server answers them as attachments). */
export function AttemptFiles({ files }: { files: AttemptJson["files"] }) {
  if (files.length === 0) return null;
  return (
    <ul aria-label="Files" className="flex flex-col gap-1 text-sm">
      {files.map((file) => (
        <li key={file.id} className="flex flex-wrap items-baseline gap-x-2">
          {isDownload(file.url) ? (
            <a href={file.url} download={file.name} className="font-medium break-all text-link underline-offset-2 hover:underline">
              {file.name}
            </a>
          ) : (
            <span className="break-all">{file.name}</span>
          )}
          <span className="text-xs text-muted-foreground tabular-nums">{fileSize(file.size)}</span>
        </li>
      ))}
    </ul>
  );
}
