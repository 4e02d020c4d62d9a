import { getDb } from "@/lib/db/client";
import { GitHubTokenForm } from "./github-token-form";

/** The organization's GitHub settings (owners; decision 0034): the token evidence checks use for private repositories. */
export async function GitHubSettingsSection({ organizationId, slug }: { organizationId: string; slug: string }) {
  const settings = await getDb().organizationGitHubSettings.findUnique({ where: { organizationId }, select: { updatedAt: true } });
  return (
    <section className="mt-6 rounded-xl border border-border bg-surface p-6" aria-labelledby="org-github">
      <h2 id="org-github" className="text-lg font-semibold">
        GitHub
      </h2>
      <p className="mt-1 mb-4 text-sm text-muted-foreground">
        Pull requests and commits submitted as evidence are checked with GitHub. For private repositories, give a token that can read their pull requests,
        commits and checks. It is stored encrypted and never shown again.
      </p>
      <GitHubTokenForm slug={slug} configuredAt={settings?.updatedAt.toISOString() ?? null} />
    </section>
  );
}
