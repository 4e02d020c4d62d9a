/** One of an assignment's flags (stuck, overdue, changes unanswered), as an item of the flags list; the title says why. */
export function FlagPill({ title, children }: { title: string; children: string }) {
  return (
    <li title={title} className="rounded-full bg-danger/10 px-2 py-0.5 font-medium whitespace-nowrap text-danger ring-1 ring-danger/40 ring-inset">
      {children}
    </li>
  );
}
