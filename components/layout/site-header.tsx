import Link from "next/link";
import { buttonStyles } from "@/components/ui/button";
import { CairnMark, ChevronDownIcon } from "@/components/ui/icons";
import { Menu, MenuButton, MenuItem, MenuItems, MenuLabel, MenuSeparator } from "@/components/ui/menu";
import { SignOutItem } from "./sign-out-item";
import { ThemeToggle } from "./theme-toggle";

/** Only what the header shows; the session user object may carry more. */
export type HeaderUser = { name: string | null; email: string };

export function SiteHeader({ user }: { user: HeaderUser | null }) {
  return (
    <header className="border-b border-border bg-surface">
      <div className="mx-auto flex min-h-16 max-w-6xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3 sm:px-6">
        {/* Not prefetched: from the product's pages the landing page is rarely the next one. */}
        <Link
          href="/"
          prefetch={false}
          className="flex items-center gap-2 rounded-md text-lg font-semibold tracking-tight text-foreground"
        >
          <CairnMark className="text-primary" />
          Cairn
        </Link>
        <div className="flex items-center gap-2 sm:gap-3">
          <ThemeToggle />
          {user ? <UserMenu user={user} /> : <SignedOutLinks />}
        </div>
      </div>
    </header>
  );
}

function SignedOutLinks() {
  return (
    <nav aria-label="Account" className="flex items-center gap-1 sm:gap-2">
      <Link href="/sign-in" className={buttonStyles({ variant: "ghost", size: "sm" })}>
        Sign in
      </Link>
      <Link href="/sign-up" className={buttonStyles({ variant: "primary", size: "sm" })}>
        Create account
      </Link>
    </nav>
  );
}

function UserMenu({ user }: { user: HeaderUser }) {
  const displayName = user.name?.trim() || user.email;
  const initial = displayName.charAt(0).toUpperCase();

  return (
    <Menu>
      <MenuButton className={buttonStyles({ variant: "ghost", size: "sm", className: "px-2" })}>
        <span
          aria-hidden="true"
          className="flex size-6 shrink-0 items-center justify-center rounded-full bg-primary text-xs font-semibold text-on-primary"
        >
          {initial}
        </span>
        <span className="sr-only">Account: </span>
        {/* On phones only the initial shows, but the name is still read out. */}
        <span className="hidden max-w-48 truncate sm:block">{displayName}</span>
        <span className="sr-only sm:hidden">{displayName}</span>
        <ChevronDownIcon className="shrink-0 text-muted-foreground" />
      </MenuButton>
      <MenuItems>
        <MenuLabel>
          Signed in as
          <span className="block truncate font-medium text-foreground">{user.email}</span>
        </MenuLabel>
        <MenuSeparator />
        <MenuItem href="/o?pick=1">Your organizations</MenuItem>
        <MenuItem href="/account">Your account</MenuItem>
        <SignOutItem />
      </MenuItems>
    </Menu>
  );
}
