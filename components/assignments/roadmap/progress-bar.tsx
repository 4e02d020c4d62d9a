import { cx } from "@/components/ui/class-names";

/** A percentage as a bar; the label names what it measures for screen readers. */
export function ProgressBar({ percent, label, size = "md", className }: { percent: number; label: string; size?: "sm" | "md"; className?: string }) {
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      className={cx("overflow-hidden rounded-full bg-surface-muted ring-1 ring-border ring-inset", size === "sm" ? "h-1.5" : "h-2.5", className)}
    >
      <div className={cx("h-full rounded-full transition-[width] motion-reduce:transition-none", percent === 100 ? "bg-success" : "bg-primary")} style={{ width: `${percent}%` }} />
    </div>
  );
}
