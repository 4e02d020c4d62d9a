import { endpointUrl } from "@/lib/api/client";
import { api } from "@/lib/api/client-endpoints";
import { InlineText } from "./inline-text";
import { MethodBadge } from "./method-badge";
import { Operation } from "./operation";
import { schemaAnchor } from "./read-document";
import type { ReadDocument } from "./read-document";
import { SchemaJson } from "./schema";
import type { TagGroup } from "./types";
import { TokenExample } from "./token-example";

export const OPENAPI_JSON_URL = endpointUrl(api.getOpenApiDocument);

const linkClass = "text-link underline underline-offset-4 hover:no-underline";

function Contents({
  groups,
  hasSchemas,
  hasAuthentication,
}: {
  groups: TagGroup[];
  hasSchemas: boolean;
  hasAuthentication: boolean;
}) {
  return (
    <ul className="flex flex-col gap-4 text-sm">
      {hasAuthentication ? (
        <li>
          <a href="#authentication" className="rounded-sm font-semibold text-foreground hover:underline">
            Authentication
          </a>
        </li>
      ) : null}
      {groups.map((group) => (
        <li key={group.anchor} className="flex flex-col gap-1.5">
          <a href={`#${group.anchor}`} className="rounded-sm font-semibold text-foreground hover:underline">
            {group.name}
          </a>
          {/* Each link is at least 24 px tall with no gap between (WCAG 2.5.8, target size), as dense as before. */}
          <ul className="flex flex-col">
            {group.operations.map((op) => (
              <li key={op.anchor}>
                <a
                  href={`#${op.anchor}`}
                  className="flex min-h-6 items-center gap-2 rounded-sm text-muted-foreground hover:text-foreground"
                >
                  <MethodBadge method={op.method} className="w-14 text-[0.65rem]" />
                  <span className="truncate font-mono text-xs" title={op.path}>
                    {op.path}
                  </span>
                </a>
              </li>
            ))}
          </ul>
        </li>
      ))}
      {hasSchemas ? (
        <li>
          <a href="#schemas" className="rounded-sm font-semibold text-foreground hover:underline">
            Schemas
          </a>
        </li>
      ) : null}
    </ul>
  );
}

export function ApiReference({ reference }: { reference: ReadDocument }) {
  const { openapi, info, groups, schemas, securitySchemes } = reference;
  const contents = { groups, hasSchemas: schemas.length > 0, hasAuthentication: securitySchemes.length > 0 };

  return (
    <div className="mx-auto w-full max-w-6xl px-4 py-10 sm:px-6 sm:py-14">
      <header className="flex max-w-3xl flex-col gap-3">
        <p className="text-sm font-semibold text-link">API reference</p>
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{info.title}</h1>
        <p className="text-sm text-muted-foreground">
          {info.version ? <>Version {info.version} · </> : null}OpenAPI {openapi}
        </p>
        {info.description ? (
          <p className="whitespace-pre-line text-muted-foreground">
            <InlineText text={info.description} />
          </p>
        ) : null}
        <p>
          {/* A plain link: the document is served by a route handler, not a page. */}
          <a href={OPENAPI_JSON_URL} className={linkClass}>
            Raw OpenAPI document (JSON)
          </a>
        </p>
      </header>

      {groups.length === 0 ? (
        <p className="mt-10 text-muted-foreground">The document does not describe any endpoints yet.</p>
      ) : (
        <div className="mt-10 grid gap-10 lg:grid-cols-[16rem_minmax(0,1fr)]">
          <details className="rounded-lg border border-border bg-surface p-4 lg:hidden">
            <summary className="text-sm font-semibold">Contents</summary>
            <nav aria-label="API contents" className="mt-4">
              <Contents {...contents} />
            </nav>
          </details>
          <nav
            aria-label="API contents"
            className="sticky top-6 hidden max-h-[calc(100dvh-3rem)] self-start overflow-y-auto pr-2 lg:block"
          >
            <Contents {...contents} />
          </nav>

          <div className="flex min-w-0 flex-col gap-14">
            {securitySchemes.length > 0 ? (
              <section aria-labelledby="authentication" className="flex flex-col gap-3">
                <h2 id="authentication" className="scroll-mt-6 text-2xl font-bold tracking-tight">
                  Authentication
                </h2>
                <dl className="flex flex-col gap-3">
                  {securitySchemes.map(([name, scheme]) => (
                    <div key={name} className="rounded-lg border border-border bg-surface p-4">
                      <dt className="font-mono text-sm font-semibold">{name}</dt>
                      <dd className="mt-1 text-sm text-muted-foreground">
                        {[scheme.type, scheme.scheme, scheme.bearerFormat, scheme.in && scheme.name ? `${scheme.name} in ${scheme.in}` : null]
                          .filter(Boolean)
                          .join(" · ")}
                        {scheme.description ? (
                          <span className="mt-1 block whitespace-pre-line">
                            <InlineText text={scheme.description} />
                          </span>
                        ) : null}
                      </dd>
                    </div>
                  ))}
                </dl>
                {securitySchemes.some(([, scheme]) => scheme.scheme === "bearer") ? <TokenExample /> : null}
              </section>
            ) : null}

            {groups.map((group) => (
              <section key={group.anchor} aria-labelledby={group.anchor} className="flex flex-col gap-4">
                <div className="flex flex-col gap-1">
                  <h2 id={group.anchor} className="scroll-mt-6 text-2xl font-bold tracking-tight">
                    {group.name}
                  </h2>
                  {group.description ? (
                    <p className="whitespace-pre-line text-muted-foreground">
                      <InlineText text={group.description} />
                    </p>
                  ) : null}
                </div>
                {group.operations.map((operation) => (
                  <Operation key={operation.anchor} operation={operation} />
                ))}
              </section>
            ))}

            {schemas.length > 0 ? (
              <section aria-labelledby="schemas" className="flex flex-col gap-4">
                <h2 id="schemas" className="scroll-mt-6 text-2xl font-bold tracking-tight">
                  Schemas
                </h2>
                {schemas.map(([name, schema]) => (
                  <details
                    key={name}
                    id={schemaAnchor(name)}
                    open
                    className="scroll-mt-6 overflow-hidden rounded-lg border border-border bg-surface"
                  >
                    <summary className="px-4 py-3 font-mono text-sm font-semibold">{name}</summary>
                    <div className="border-t border-border">
                      <SchemaJson schema={schema} />
                    </div>
                  </details>
                ))}
              </section>
            ) : null}
          </div>
        </div>
      )}
    </div>
  );
}
