import { ServiceTokens } from "./service-tokens";

/** The organization settings' section for service tokens (owners only: the page checks token.manage). */
export function ServiceTokensSection({ slug }: { slug: string }) {
  return (
    <section id="service-tokens" className="mt-6 rounded-xl border border-border bg-surface p-6" aria-labelledby="service-tokens-heading">
      <h2 id="service-tokens-heading" className="text-lg font-semibold">
        Service tokens
      </h2>
      <p className="mt-1 mb-4 text-sm text-muted-foreground">
        Tokens for integrations (CI, HR tools) that call the{" "}
        <a href="/docs/api#calling-with-a-token" className="text-link underline underline-offset-4 hover:no-underline">
          API
        </a>{" "}
        as a service member of this organization, not as a person. The audit log names the token for everything it does.
      </p>
      <ServiceTokens slug={slug} />
    </section>
  );
}
