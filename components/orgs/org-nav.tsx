"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cx } from "@/components/ui/class-names";

/** The path itself or a page under it: "/me" must not claim "/members" (or a "/meetings" later). */
function isWithin(pathname: string, path: string): boolean {
  return pathname === path || pathname.startsWith(`${path}/`);
}

/** The organization's tabs; the one for the current page carries aria-current. */
export function OrgNav({ slug, showSettings, showInvitations = false }: { slug: string; showSettings: boolean; showInvitations?: boolean }) {
  const pathname = usePathname();
  const base = `/o/${slug}`;
  const tabs = [
    { href: base, label: "Overview", current: pathname === base },
    // Everyone has work of their own (a hire's assignments) or none yet; the page says which.
    { href: `${base}/me`, label: "My work", current: isWithin(pathname, `${base}/me`) },
    // Everyone reads assignments ("assignment.read"); the API narrows them: managers all,
    // mentors their mentees', hires their own.
    { href: `${base}/assignments`, label: "Assignments", current: isWithin(pathname, `${base}/assignments`) },
    { href: `${base}/members`, label: "Members", current: pathname.startsWith(`${base}/members`) },
    // Every member reads the organization's tracks ("track.read"), so the tab is unconditional.
    { href: `${base}/tracks`, label: "Tracks", current: pathname.startsWith(`${base}/tracks`) },
    ...(showInvitations ? [{ href: `${base}/invitations`, label: "Invitations", current: pathname.startsWith(`${base}/invitations`) }] : []),
    ...(showSettings ? [{ href: `${base}/settings`, label: "Settings", current: pathname.startsWith(`${base}/settings`) }] : []),
  ];

  return (
    <nav aria-label="Organization" className="mt-2 border-b border-border">
      <ul className="-mb-px flex gap-1 overflow-x-auto">
        {tabs.map((tab) => (
          <li key={tab.href}>
            <Link
              href={tab.href}
              aria-current={tab.current ? "page" : undefined}
              className={cx(
                "inline-flex h-10 items-center rounded-t-md border-b-2 px-3 text-sm font-medium whitespace-nowrap",
                tab.current ? "border-primary text-foreground" : "border-transparent text-muted-foreground hover:border-border-strong hover:text-foreground",
              )}
            >
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
