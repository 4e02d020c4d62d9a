import { isWebAddress } from "./item-limits";

/**
 * A link someone typed (a hire's link, a track's resource), opened in a new tab
 * without handing it this page (noopener) or its address (noreferrer). Only
 * http(s) addresses become links: a javascript: or data: one is shown as text.
 */
export function SafeLink({ url, title }: { url: string; title?: string | null }) {
  if (!isWebAddress(url)) return <span className="min-w-0 break-all text-muted-foreground">{title ? `${title} (${url})` : url}</span>;
  return (
    <a href={url.trim()} target="_blank" rel="noopener noreferrer" className="min-w-0 font-medium break-all text-link underline-offset-2 hover:underline">
      {title || url}
    </a>
  );
}
