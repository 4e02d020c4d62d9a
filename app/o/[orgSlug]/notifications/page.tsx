import type { Metadata } from "next";
import Link from "next/link";
import { NotificationList } from "@/components/notifications/notification-list";
import { requireOrgPageAccess } from "@/lib/orgs/page-access";

type Params = { params: Promise<{ orgSlug: string }> };

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage({ params }: Params) {
  const { orgSlug } = await params;
  const access = await requireOrgPageAccess(orgSlug, `/o/${orgSlug}/notifications`);
  if (access.suspended) return null; // the layout explains
  return (
    <section aria-labelledby="notifications-heading" className="flex flex-col gap-5">
      <div>
        <h1 id="notifications-heading" className="text-2xl font-semibold tracking-tight">
          Notifications
        </h1>
        <p className="mt-1 text-sm text-muted-foreground">
          What happened for you in {access.organization.name}. Which of these also come by email is up to you:{" "}
          <Link href="/account#email" className="text-link underline-offset-2 hover:underline">
            email settings
          </Link>
          .
        </p>
      </div>
      <NotificationList slug={access.organization.slug} />
    </section>
  );
}
