import type { Metadata } from "next";
import Link from "next/link";
import { buttonStyles } from "@/components/ui/button";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <div className="mx-auto flex w-full max-w-xl flex-1 flex-col justify-center gap-4 px-4 py-16 sm:px-6">
      <p className="text-sm font-semibold text-link">404</p>
      <h1 className="text-3xl font-bold tracking-tight">Page not found</h1>
      <p className="text-muted-foreground">
        There is nothing at this address. The link may be out of date, or the page may belong to an
        organization you are not a member of.
      </p>
      <div>
        <Link href="/" className={buttonStyles()}>
          Go to the home page
        </Link>
      </div>
    </div>
  );
}
