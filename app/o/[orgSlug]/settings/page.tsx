import Link from "next/link";
import { ServiceTokensSection } from "@/components/api-tokens/service-tokens-section";
import { DeleteOrganizationSection } from "@/components/orgs/delete-organization-section";
import { GitHubSettingsSection } from "@/components/orgs/github-settings-section";
import { OrgDaysSettingForm } from "@/components/orgs/org-days-setting-form";
import { RenameOrganizationForm } from "@/components/orgs/rename-organization-form";
import { can } from "@/lib/authz/policy";
import { getDb } from "@/lib/db/client";
import { orgPage } from "@/lib/orgs/org-page";

// Every member sees the settings; only owners get the forms (org.update), integrations (integration.manage), service tokens (token.manage) and the danger zone (org.delete).
const page = orgPage({ path: "/o/[orgSlug]/settings", permission: "org.read", title: "Organization settings" }, async ({ ctx }) => {
  const { stuckAfterDays, reviewTargetDays, dueSoonDays } = await getDb().organization.findUniqueOrThrow({
    where: { id: ctx.organization.id },
    select: { stuckAfterDays: true, reviewTargetDays: true, dueSoonDays: true },
  });

  return (
    <div className="max-w-3xl">
      <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
      <section className="mt-8 rounded-xl border border-border bg-surface p-6" aria-labelledby="org-name">
        <h2 id="org-name" className="text-lg font-semibold">
          Organization name
        </h2>
        {can(ctx.membership.role, "org.update") ? (
          <>
            <p className="mt-1 mb-4 text-sm text-muted-foreground">
              Shown to everyone in the organization. The address <span className="font-mono">/o/{ctx.organization.slug}</span> stays the same.
            </p>
            <RenameOrganizationForm slug={ctx.organization.slug} name={ctx.organization.name} />
          </>
        ) : (
          <p className="mt-1 text-sm text-muted-foreground">
            {ctx.organization.name}. Only owners can change the organization&apos;s settings.
          </p>
        )}
      </section>
      <section className="mt-6 rounded-xl border border-border bg-surface p-6" aria-labelledby="org-stuck">
        <h2 id="org-stuck" className="text-lg font-semibold">
          When is a hire stuck?
        </h2>
        {can(ctx.membership.role, "org.update") ? (
          <>
            <p className="mt-1 mb-4 text-sm text-muted-foreground">The mentors’ dashboard flags a hire after this many days on one item, or without any activity.</p>
            <OrgDaysSettingForm slug={ctx.organization.slug} setting="stuckAfterDays" days={stuckAfterDays} />
          </>
        ) : (
          <p className="mt-1 text-sm text-muted-foreground">After {stuckAfterDays} days on one item, or without activity.</p>
        )}
      </section>
      <section className="mt-6 rounded-xl border border-border bg-surface p-6" aria-labelledby="org-due-soon">
        <h2 id="org-due-soon" className="text-lg font-semibold">
          When are hires reminded of a due date?
        </h2>
        {can(ctx.membership.role, "org.update") ? (
          <>
            <p className="mt-1 mb-4 text-sm text-muted-foreground">
              How many days before an assignment is due its hire and mentors get a reminder (0: none). Overdue reminders follow the day after, then weekly; stuck reminders use the threshold above.
            </p>
            <OrgDaysSettingForm slug={ctx.organization.slug} setting="dueSoonDays" days={dueSoonDays} />
          </>
        ) : (
          <p className="mt-1 text-sm text-muted-foreground">{dueSoonDays === 0 ? "No due-soon reminders." : `${dueSoonDays} days before the due day.`}</p>
        )}
      </section>
      <section className="mt-6 rounded-xl border border-border bg-surface p-6" aria-labelledby="org-review-target">
        <h2 id="org-review-target" className="text-lg font-semibold">
          Review target
        </h2>
        {can(ctx.membership.role, "org.update") ? (
          <>
            <p className="mt-1 mb-4 text-sm text-muted-foreground">
              Evidence waiting more working days (Monday to Friday) than this is flagged as overdue on the review queue and in the mentors’ daily digest.
            </p>
            <OrgDaysSettingForm slug={ctx.organization.slug} setting="reviewTargetDays" days={reviewTargetDays} />
          </>
        ) : (
          <p className="mt-1 text-sm text-muted-foreground">Evidence is reviewed within {reviewTargetDays} working days; later is overdue.</p>
        )}
      </section>
      {can(ctx.membership.role, "integration.manage") ? (
        <section className="mt-6 rounded-xl border border-border bg-surface p-6" aria-labelledby="org-integrations">
          <h2 id="org-integrations" className="text-lg font-semibold">
            Integrations
          </h2>
          <p className="mt-1 mb-4 text-sm text-muted-foreground">Send the organization&apos;s events to other tools.</p>
          <ul className="flex flex-col gap-2 text-sm">
            <li>
              <Link href={`/o/${ctx.organization.slug}/settings/webhooks`} className="font-medium text-link underline-offset-2 hover:underline">
                Webhooks
              </Link>{" "}
              <span className="text-muted-foreground">— signed JSON to your own URL</span>
            </li>
            <li>
              <Link href={`/o/${ctx.organization.slug}/settings/slack`} className="font-medium text-link underline-offset-2 hover:underline">
                Slack
              </Link>{" "}
              <span className="text-muted-foreground">— reviews and completions posted to channels</span>
            </li>
          </ul>
        </section>
      ) : null}
      {can(ctx.membership.role, "org.update") ? <GitHubSettingsSection organizationId={ctx.organization.id} slug={ctx.organization.slug} /> : null}
      {can(ctx.membership.role, "token.manage") ? <ServiceTokensSection slug={ctx.organization.slug} /> : null}
      {can(ctx.membership.role, "org.delete") ? <DeleteOrganizationSection slug={ctx.organization.slug} name={ctx.organization.name} /> : null}
    </div>
  );
});

export const generateMetadata = page.generateMetadata;
export default page;
