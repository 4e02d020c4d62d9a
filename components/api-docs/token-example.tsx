/**
 * How to call the API with a token, beside the authentication schemes: shown when
 * the document declares a bearer scheme (decision 0032). The commands use shell
 * variables so the page says nothing about where it is deployed.
 */
import { endpointUrl } from "@/lib/api/client";
import { api } from "@/lib/api/client-endpoints";

const orgSlug = "your-org";
const READ_EXAMPLE = `export CAIRN_URL=https://cairn.example.com   # this site's address
export CAIRN_TOKEN=cairn_pat_…                  # shown once when you create the token

curl -H "Authorization: Bearer $CAIRN_TOKEN" \\
  "$CAIRN_URL${endpointUrl(api.listMembers, { params: { orgSlug }, query: { limit: 10 } })}"`;

const WRITE_EXAMPLE = `curl -X POST -H "Authorization: Bearer $CAIRN_TOKEN" \\
  -H "content-type: application/json" \\
  -d '{"emails":["new.hire@example.com"],"role":"MEMBER"}' \\
  "$CAIRN_URL${endpointUrl(api.createInvitations, { params: { orgSlug } })}"`;

export function TokenExample() {
  return (
    <div className="flex flex-col gap-2 rounded-lg border border-border bg-surface p-4 text-sm">
      <h3 id="calling-with-a-token" className="text-base font-semibold">
        Calling the API with a token
      </h3>
      <p className="text-muted-foreground">
        Create a personal token under Account → API tokens (it acts as you, in one organization, with the scopes you pick), or, as an
        owner, a service token under the organization&apos;s Settings. Send it in the <code className="font-mono">Authorization</code>{" "}
        header and leave cookies out; no <code className="font-mono">Origin</code> header is needed. An endpoint that lists{" "}
        <code className="font-mono">apiToken</code> needs its permission among the token&apos;s scopes.
      </p>
      <pre className="overflow-x-auto rounded-md border border-border bg-surface-muted p-3 font-mono text-xs" aria-label="Reading with a token">
        {READ_EXAMPLE}
      </pre>
      <pre className="overflow-x-auto rounded-md border border-border bg-surface-muted p-3 font-mono text-xs" aria-label="Writing with a token">
        {WRITE_EXAMPLE}
      </pre>
      <p className="text-muted-foreground">
        A revoked or expired token, or one whose member was suspended or removed, answers 401; a missing scope 403; another
        organization 404; over 600 requests a minute 429 with <code className="font-mono">Retry-After</code>.
      </p>
    </div>
  );
}
