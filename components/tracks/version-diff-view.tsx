import type { ReactNode } from "react";
import type { DiffField, VersionDiff } from "@/lib/tracks/diff-schema";

const FIELD_LABEL: Record<DiffField, string> = {
  kind: "kind",
  description: "description",
  optional: "optional",
  evidenceRequired: "evidence required",
  verificationRequired: "verified on GitHub",
  estimatedMinutes: "estimated time",
  due: "due",
  resources: "resources",
};

const GROUPS = [
  { key: "added", title: "Added", empty: "No items were added." },
  { key: "removed", title: "Removed", empty: "No items were removed." },
  { key: "renamed", title: "Renamed", empty: "No items were renamed." },
  { key: "moved", title: "Moved", empty: "No items were moved." },
  { key: "changed", title: "Changed", empty: "No other details changed." },
] as const;

type GroupKey = (typeof GROUPS)[number]["key"];

const pathText = (path: readonly string[]) => (path.length > 0 ? path.join(" › ") : "Top level");

function Kind({ kind }: { kind: "SECTION" | "ITEM" }) {
  return <span className="rounded bg-surface-muted px-1.5 py-0.5 text-xs text-muted-foreground">{kind === "SECTION" ? "Section" : "Item"}</span>;
}

function Entry({ kind, title, children }: { kind: "SECTION" | "ITEM"; title: ReactNode; children?: ReactNode }) {
  return (
    <li className="flex flex-col gap-1 px-4 py-3">
      <div className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
        <Kind kind={kind} />
        <span className="font-medium break-words">{title}</span>
      </div>
      {children}
    </li>
  );
}

function Path({ label, path }: { label: string; path: readonly string[] }) {
  return (
    <p className="text-sm break-words text-muted-foreground">
      {label} {pathText(path)}
    </p>
  );
}

function entries(diff: VersionDiff, key: GroupKey): ReactNode[] {
  switch (key) {
    case "added":
    case "removed":
      return diff[key].map((entry) => (
        <Entry key={entry.stableKey} kind={entry.kind} title={entry.title}>
          <Path label="In" path={entry.path} />
          {entry.descendants > 0 ? (
            <p className="text-sm text-muted-foreground">
              With {entry.descendants} {entry.descendants === 1 ? "item" : "items"} inside
            </p>
          ) : null}
        </Entry>
      ));
    case "renamed":
      return diff.renamed.map((entry) => (
        <Entry
          key={entry.stableKey}
          kind={entry.kind}
          title={
            <>
              <del className="font-normal text-muted-foreground">{entry.fromTitle}</del> → <ins className="no-underline">{entry.toTitle}</ins>
            </>
          }
        >
          <Path label="In" path={entry.path} />
        </Entry>
      ));
    case "moved":
      return diff.moved.map((entry) => (
        <Entry key={entry.stableKey} kind={entry.kind} title={entry.title}>
          {entry.reason === "parent" ? (
            <p className="text-sm break-words text-muted-foreground">
              {pathText(entry.fromPath)} → {pathText(entry.toPath)}
            </p>
          ) : (
            <p className="text-sm break-words text-muted-foreground">
              Reordered in {pathText(entry.toPath)}: position {entry.fromPosition + 1} → {entry.toPosition + 1}
            </p>
          )}
        </Entry>
      ));
    case "changed":
      return diff.changed.map((entry) => (
        <Entry key={entry.stableKey} kind={entry.kind} title={entry.title}>
          <Path label="In" path={entry.path} />
          <p className="text-sm">Changed: {entry.fields.map((field) => FIELD_LABEL[field]).join(", ")}</p>
        </Entry>
      ));
  }
}

/**
 * The groups of a diff, each under its own heading with its count, so a screen
 * reader can jump between them; every group shows an empty state rather than
 * disappearing, so "nothing was renamed" is said, not implied.
 */
export function VersionDiffView({ diff }: { diff: VersionDiff }) {
  const total = diff.counts.added + diff.counts.removed + diff.counts.renamed + diff.counts.moved + diff.counts.changed;
  return (
    <div className="flex flex-col gap-6">
      {total === 0 ? (
        <p className="rounded-xl border border-dashed border-border-strong p-4 text-sm">No differences: both versions have the same sections and items.</p>
      ) : (
        <ul aria-label="Summary" className="flex flex-wrap gap-2 text-sm">
          {GROUPS.map((group) => (
            <li key={group.key}>
              <a href={`#diff-${group.key}`} className="inline-flex h-8 items-center gap-1.5 rounded-full border border-border-strong bg-surface px-3 hover:bg-surface-muted">
                {group.title} <span className="font-semibold">{diff.counts[group.key]}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
      {GROUPS.map((group) => {
        const items = entries(diff, group.key);
        return (
          <section key={group.key} id={`diff-${group.key}`} aria-labelledby={`diff-${group.key}-heading`} className="flex scroll-mt-4 flex-col gap-2">
            <h2 id={`diff-${group.key}-heading`} className="text-lg font-semibold">
              {group.title} <span className="text-base font-normal text-muted-foreground">({diff.counts[group.key]})</span>
            </h2>
            {items.length > 0 ? (
              <ul aria-label={group.title} className="divide-y divide-border rounded-xl border border-border bg-surface">
                {items}
              </ul>
            ) : (
              <p className="text-sm text-muted-foreground">{group.empty}</p>
            )}
          </section>
        );
      })}
    </div>
  );
}
