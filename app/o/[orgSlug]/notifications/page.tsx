import Link from "next/link";
import { NotificationList } from "@/components/notifications/notification-list";
import { orgPage } from "@/lib/orgs/org-page";

const page = orgPage({ path: "/o/[orgSlug]/notifications", permission: "notification.read", title: "Notifications" }, ({ ctx }) => (
  <section aria-labelledby="notifications-heading" className="flex flex-col gap-5">
    <div>
      <h1 id="notifications-heading" className="text-2xl font-semibold tracking-tight">
        Notifications
      </h1>
      <p className="mt-1 text-sm text-muted-foreground">
        What happened for you in {ctx.organization.name}. Which of these also come by email is up to you:{" "}
        <Link href="/account#email" className="text-link underline underline-offset-2">
          email settings
        </Link>
        .
      </p>
    </div>
    <NotificationList slug={ctx.organization.slug} />
  </section>
));

export const generateMetadata = page.generateMetadata;
export default page;
