import { cx } from "@/components/ui/class-names";
import { InlineText } from "./inline-text";
import { MethodBadge } from "./method-badge";
import { ParametersTable } from "./parameters-table";
import { SchemaBlock } from "./schema";
import type { ApiMediaType, DocOperation } from "./types";

function statusClass(status: string): string {
  if (status.startsWith("2")) return "text-success";
  if (status.startsWith("4") || status.startsWith("5")) return "text-danger";
  return "text-foreground";
}

function ContentSchemas({ content }: { content?: Record<string, ApiMediaType> }) {
  const entries = Object.entries(content ?? {});
  if (entries.length === 0) return null;
  return (
    <div className="flex flex-col gap-2">
      {entries.map(([type, media]) => (
        <SchemaBlock key={type} label={type} schema={media.schema} />
      ))}
    </div>
  );
}

export function Operation({ operation }: { operation: DocOperation }) {
  const { anchor, method, path, summary, description, deprecated, security, parameters, requestBody, responses } =
    operation;
  const label = `${method.toUpperCase()} ${path}`;

  return (
    <article
      id={anchor}
      aria-labelledby={`${anchor}-title`}
      className="flex scroll-mt-6 flex-col gap-4 rounded-xl border border-border bg-surface p-4 sm:p-5"
    >
      <header className="flex flex-col gap-2">
        <h3 id={`${anchor}-title`} className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <MethodBadge method={method} />
          <code className="font-mono text-sm font-semibold break-all">{path}</code>
          {deprecated ? (
            <span className="rounded-full border border-border-strong px-2 py-0.5 text-xs font-medium text-muted-foreground">
              Deprecated
            </span>
          ) : null}
        </h3>
        {summary ? <p className="font-medium">{summary}</p> : null}
        {description ? (
          <p className="text-sm whitespace-pre-line text-muted-foreground">
            <InlineText text={description} />
          </p>
        ) : null}
        <p className="text-sm text-muted-foreground">
          {security.length > 0 ? (
            <>
              Authentication:{" "}
              {security.map((name, index) => (
                <span key={name}>
                  {index > 0 ? " or " : null}
                  <code className="font-mono text-foreground">{name}</code>
                </span>
              ))}
            </>
          ) : (
            "No authentication required."
          )}
        </p>
      </header>

      {parameters.length > 0 ? (
        <section className="flex flex-col gap-2">
          <h4 className="text-sm font-semibold">Parameters</h4>
          <ParametersTable parameters={parameters} label={`Parameters of ${label}`} />
        </section>
      ) : null}

      {requestBody ? (
        <section className="flex flex-col gap-2">
          <h4 className="text-sm font-semibold">
            Request body
            {requestBody.required ? <span className="ml-2 text-xs font-normal text-muted-foreground">required</span> : null}
          </h4>
          {requestBody.description ? (
            <p className="text-sm whitespace-pre-line text-muted-foreground">
              <InlineText text={requestBody.description} />
            </p>
          ) : null}
          <ContentSchemas content={requestBody.content} />
        </section>
      ) : null}

      {responses.length > 0 ? (
        <section className="flex flex-col gap-2">
          <h4 className="text-sm font-semibold">Responses</h4>
          <ul className="flex flex-col gap-3">
            {responses.map(([status, response]) => (
              <li key={status} className="flex flex-col gap-2">
                <p className="text-sm">
                  <span className={cx("font-mono font-semibold", statusClass(status))}>{status}</span>
                  {response.description ? (
                    <span className="text-muted-foreground">
                      {" "}
                      <InlineText text={response.description} />
                    </span>
                  ) : null}
                </p>
                <ContentSchemas content={response.content} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
