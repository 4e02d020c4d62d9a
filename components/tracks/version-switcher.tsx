import Link from "next/link";
import { cx } from "@/components/ui/class-names";
import { STATUS_LABEL } from "./track-row";
import type { VersionSummary } from "./version-summary";

/** Links to each version of the track (plain links: they work with the keyboard and without script); the current one is marked. */
export function VersionSwitcher({ versions, current, hrefOf }: { versions: readonly VersionSummary[]; current: number; hrefOf: (number: number) => string }) {
  return (
    <nav aria-label="Versions">
      <ul className="flex flex-wrap gap-2">
        {versions.map((version) => {
          const isCurrent = version.number === current;
          return (
            <li key={version.id}>
              <Link
                href={hrefOf(version.number)}
                aria-current={isCurrent ? "page" : undefined}
                className={cx(
                  "inline-flex h-8 items-center rounded-full border px-3 text-sm whitespace-nowrap",
                  isCurrent ? "border-primary bg-primary text-on-primary" : "border-border-strong bg-surface hover:bg-surface-muted",
                )}
              >
                v{version.number}
                <span className="sr-only">, {STATUS_LABEL[version.status].toLowerCase()}</span>
                {version.status === "DRAFT" ? <span aria-hidden="true" className="ml-1 text-xs opacity-80">draft</span> : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
