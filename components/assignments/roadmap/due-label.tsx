import { cx } from "@/components/ui/class-names";
import { dueText } from "./due-date";
import { useDatePlace } from "@/components/ui/time";

/** The due date; when overdue, in red and saying so in words (color alone is not enough). */
export function DueLabel({ assignment, className }: { assignment: Parameters<typeof dueText>[0]; className?: string }) {
  const due = dueText(assignment, useDatePlace());
  if (!due) return null;
  return (
    <span className={cx(due.overdue ? "font-medium text-danger" : "text-muted-foreground", className)}>
      {due.overdue ? (
        <svg viewBox="0 0 24 24" width="14" height="14" fill="none" stroke="currentColor" strokeWidth={2} aria-hidden="true" className="mr-1 inline-block -translate-y-px">
          <circle cx="12" cy="12" r="9" />
          <path d="M12 7v5l3 2" />
        </svg>
      ) : null}
      {due.text}
    </span>
  );
}
