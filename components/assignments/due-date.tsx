import { Time } from "@/components/ui/time";
import type { AssignmentJson } from "./types";

/** The due date; an overdue one says so in words as well as in red. */
export function DueDate({ assignment }: { assignment: Pick<AssignmentJson, "dueDate" | "overdue"> }) {
  if (!assignment.dueDate) return <span className="text-muted-foreground">No due date</span>;
  const day = <Time value={assignment.dueDate} format="day" />;
  if (!assignment.overdue) return <span>{day}</span>;
  return (
    <span className="text-danger">
      <span className="font-semibold">Overdue</span> · due {day}
    </span>
  );
}
