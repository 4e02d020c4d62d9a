import { cx } from "@/components/ui/class-names";

// Tailwind's preflight strips lists, headings and code of their looks; these bring back what markdown needs.
const PROSE = cx(
  "min-w-0 text-sm break-words",
  "[&_p+p]:mt-2 [&_ul]:my-1 [&_ul]:list-disc [&_ul]:pl-5 [&_ol]:my-1 [&_ol]:list-decimal [&_ol]:pl-5",
  "[&_a]:font-medium [&_a]:text-link [&_a]:underline [&_a]:underline-offset-2",
  "[&_code]:rounded [&_code]:bg-surface-muted [&_code]:px-1 [&_code]:font-mono [&_code]:text-[0.85em]",
  "[&_pre]:my-2 [&_pre]:overflow-x-auto [&_pre]:rounded-md [&_pre]:bg-surface-muted [&_pre]:p-2 [&_pre_code]:bg-transparent [&_pre_code]:p-0",
  "[&_blockquote]:border-l-2 [&_blockquote]:border-border-strong [&_blockquote]:pl-3 [&_blockquote]:text-muted-foreground",
  "[&_h3]:mt-2 [&_h3]:font-semibold [&_h4]:mt-2 [&_h4]:font-semibold [&_h5]:font-semibold [&_h6]:font-semibold [&_hr]:my-2 [&_hr]:border-border",
  "[&_table]:my-2 [&_td]:border [&_td]:border-border [&_td]:px-2 [&_th]:border [&_th]:border-border [&_th]:px-2",
);

/**
 * Markdown the server rendered and sanitized (lib/markdown/render-markdown.ts:
 * typed tags come out as text, only an allow-list of elements and http(s)/mailto
 * links survive). Only the API's *Html fields go here, never text typed in this tab.
 */
export function SanitizedHtml({ html, className }: { html: string; className?: string }) {
  return <div className={cx(PROSE, className)} dangerouslySetInnerHTML={{ __html: html }} />;
}
