import Link from "next/link";

export function SiteFooter() {
  return (
    <footer className="border-t border-border">
      <div className="mx-auto flex max-w-6xl flex-col gap-3 px-4 py-6 text-sm text-muted-foreground sm:flex-row sm:items-center sm:justify-between sm:px-6">
        <p>Cairn: onboarding tracks, evidence and live mentoring for engineering teams.</p>
        <nav aria-label="Footer">
          <ul className="flex gap-4">
            <li>
              <Link href="/docs/api" prefetch={false} className="rounded-sm text-link underline-offset-4 hover:underline">
                API reference
              </Link>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}
