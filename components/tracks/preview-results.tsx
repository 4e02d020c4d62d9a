import type { ReactNode } from "react";
import { OutlineTree } from "./outline-tree";
import type { ImportPreviewJson } from "./types";

// The parser's messages lead with their position; the list shows it once, in its own column.
const withoutPosition = (message: string) => message.replace(/^Line \d+(, column \d+)?: /, "");

const FORMAT_NAMES = { text: "Text format", markdown: "Markdown" } as const;

/**
 * What an import would store: the format it was read in, counts, each repair and each error with its line, and the tree.
 * `tidy` is the "Tidy titles" choice (shown with the repairs) and, when ticked, the tree shows the tidied titles.
 */
export function PreviewResults({ preview, tidy }: { preview: ImportPreviewJson; tidy?: { choice: ReactNode; title: ((title: string) => string) | null } }) {
  const { stats, repairCount, repairs, errors } = preview;
  const retitle = tidy?.title;
  const tree = retitle ? preview.tree.map((node) => ({ ...node, title: retitle(node.title) })) : preview.tree;
  return (
    <section aria-labelledby="preview-heading" className="flex flex-col gap-4">
      <h2 id="preview-heading" className="text-lg font-semibold">
        Preview
      </h2>
      <p className="text-sm text-muted-foreground" data-testid="preview-format">
        {FORMAT_NAMES[preview.format]} {preview.detected ? "detected" : "(as chosen)"}
      </p>
      {stats ? (
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5" aria-label="Counts">
          {(
            [
              ["Sections", stats.sections],
              ["Topics", stats.topics],
              ["Items", stats.items],
              ["Optional", stats.optional],
              ["Max depth", stats.maxDepth],
            ] as const
          ).map(([label, value]) => (
            <div key={label} className="rounded-lg border border-border bg-surface p-3">
              <dt className="text-xs text-muted-foreground">{label}</dt>
              <dd className="text-xl font-semibold" data-testid={`count-${label.toLowerCase().replace(" ", "-")}`}>
                {value}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}

      {errors.length > 0 ? (
        <div role="alert" className="rounded-lg border border-danger/40 bg-danger/10 p-3 text-sm">
          <h3 className="font-medium text-danger">
            {errors.length} {errors.length === 1 ? "error" : "errors"}: nothing can be imported until {errors.length === 1 ? "it is" : "they are"} fixed
          </h3>
          <ul aria-label="Errors" className="mt-2 flex flex-col gap-1">
            {errors.map((error, index) => (
              <li key={index}>
                <span className="font-medium">
                  Line {error.line}, column {error.column}:
                </span>{" "}
                {withoutPosition(error.message)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {repairs.length > 0 ? (
        <div className="rounded-lg border border-border bg-surface p-3 text-sm">
          <h3 className="font-medium">
            {repairCount.toLocaleString("en-US")} {repairCount === 1 ? "repair" : "repairs"} made
            {repairCount > repairs.length ? ` (the first ${repairs.length.toLocaleString("en-US")} are listed)` : null}
          </h3>
          <ul aria-label="Repairs" className="mt-2 flex flex-col gap-2">
            {repairs.map((repair, index) => (
              <li key={index}>
                <span className="font-medium">Line {repair.line}:</span> {withoutPosition(repair.message)}
                <div className="mt-0.5 font-mono text-xs break-all text-muted-foreground">
                  <del>{repair.before}</del> → <ins className="no-underline">{repair.after}</ins>
                </div>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {tidy?.choice}

      {tree.length > 0 ? (
        <div className="flex flex-col gap-2">
          <h3 className="text-sm font-medium">Tree (open a section to see its items)</h3>
          <OutlineTree nodes={tree} label="Tree preview" />
        </div>
      ) : null}
    </section>
  );
}
