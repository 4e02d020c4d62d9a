import { isWebAddress } from "@/components/assignments/roadmap/item-limits";
import { cx } from "@/components/ui/class-names";
import { linkText } from "./evidence-labels";
import type { EvidenceLinkJson, EvidenceLinkKind } from "./types";

/** Decorative marks for what a link is: a branch merging for a pull/merge request, a dot on a line for a commit. */
function KindIcon({ kind }: { kind: EvidenceLinkKind }) {
  const common = { viewBox: "0 0 24 24", width: 14, height: 14, fill: "none", stroke: "currentColor", strokeWidth: 2, strokeLinecap: "round", strokeLinejoin: "round", "aria-hidden": true, focusable: false, className: "shrink-0" } as const;
  if (kind === "github-pull" || kind === "gitlab-merge-request") {
    return (
      <svg {...common}>
        <circle cx="6" cy="6" r="2.5" />
        <circle cx="6" cy="18" r="2.5" />
        <circle cx="18" cy="18" r="2.5" />
        <path d="M6 8.5v7M18 15.5V9a3 3 0 0 0-3-3h-4m0 0 2.5-2.5M11 6l2.5 2.5" />
      </svg>
    );
  }
  if (kind === "github-commit" || kind === "gitlab-commit") {
    return (
      <svg {...common}>
        <circle cx="12" cy="12" r="3.5" />
        <path d="M2 12h6.5M15.5 12H22" />
      </svg>
    );
  }
  return (
    <svg {...common}>
      <path d="M10 13a5 5 0 0 0 7.07 0l3-3a5 5 0 0 0-7.07-7.07l-1.5 1.5M14 11a5 5 0 0 0-7.07 0l-3 3a5 5 0 0 0 7.07 7.07l1.5-1.5" />
    </svg>
  );
}

/**
 * The attempt's link by what it is ("Pull request acme/api#42"), opened in a new
 * tab that gets neither this page (noopener) nor its address (noreferrer). The
 * server accepts http(s) only; anything else would be shown as text.
 */
export function EvidenceLink({ link, className }: { link: EvidenceLinkJson; className?: string }) {
  const text = linkText(link);
  if (!isWebAddress(link.url)) return <span className={cx("break-all text-muted-foreground", className)}>{text}</span>;
  return (
    <a
      href={link.url}
      target="_blank"
      rel="noopener noreferrer"
      title={link.kind === "link" ? undefined : link.url}
      className={cx("inline-flex min-w-0 items-center gap-1.5 font-medium break-all text-link underline-offset-2 hover:underline", className)}
    >
      <KindIcon kind={link.kind} />
      <span className="min-w-0">{text}</span>
    </a>
  );
}
