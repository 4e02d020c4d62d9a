import Link from "next/link";
import { can } from "@/lib/authz/policy";
import type { Role } from "@/lib/generated/prisma/enums";
import { IntegrationsManager } from "./integrations-manager";
import type { EndpointKind } from "./types";

const TEXT = {
  WEBHOOK: {
    title: "Webhooks",
    intro: "Cairn POSTs the events you choose to your URL as signed JSON, one at a time in order, retrying failures for 24 hours.",
  },
  SLACK: {
    title: "Slack",
    intro: "Post evidence waiting for review, reviews, hires who are stuck, overdue assignments and completed assignments to Slack channels, with a link back to Cairn.",
  },
} as const;

/** The server part of Settings → Webhooks / Slack: heading, owners-only rule, then the client manager. */
export function IntegrationsPage({ slug, role, kind }: { slug: string; role: Role; kind: EndpointKind }) {
  const text = TEXT[kind];
  return (
    <div className="max-w-4xl">
      <p className="text-sm">
        <Link href={`/o/${slug}/settings`} className="text-link underline-offset-2 hover:underline">
          Settings
        </Link>
      </p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight">{text.title}</h1>
      <p className="mt-2 mb-6 text-sm text-muted-foreground">
        {text.intro}{" "}
        See docs/webhooks.md for the payload and how to verify signatures.
      </p>
      {can(role, "integration.manage") ? (
        <IntegrationsManager slug={slug} kind={kind} />
      ) : (
        <p className="rounded-xl border border-border bg-surface p-6 text-sm text-muted-foreground">Only the organization&apos;s owners manage its integrations.</p>
      )}
    </div>
  );
}
