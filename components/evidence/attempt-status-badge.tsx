import { cx } from "@/components/ui/class-names";
import { ATTEMPT_STATUS_LABEL } from "./evidence-labels";
import type { AttemptStatus } from "./types";

const TONE: Record<AttemptStatus, string> = {
  SUBMITTED: "bg-primary/10 text-primary",
  APPROVED: "bg-success/15 text-success",
  CHANGES_REQUESTED: "bg-danger/10 text-danger",
};

export function AttemptStatusBadge({ status }: { status: AttemptStatus }) {
  return <span className={cx("rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap", TONE[status])}>{ATTEMPT_STATUS_LABEL[status]}</span>;
}
