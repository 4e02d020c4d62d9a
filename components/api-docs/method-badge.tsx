import { cx } from "@/components/ui/class-names";
import type { HttpMethod } from "./types";

// Each pair keeps 4.5:1 contrast in both themes; the method name is text, so colour is
// never the only cue.
const methodClasses: Record<HttpMethod, string> = {
  get: "bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-200",
  post: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200",
  put: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
  patch: "bg-violet-100 text-violet-900 dark:bg-violet-950 dark:text-violet-200",
  delete: "bg-rose-100 text-rose-900 dark:bg-rose-950 dark:text-rose-200",
};

export function MethodBadge({ method, className }: { method: HttpMethod; className?: string }) {
  return (
    <span
      className={cx(
        "inline-flex w-16 shrink-0 justify-center rounded-md px-1.5 py-0.5 font-mono text-xs font-bold",
        methodClasses[method],
        className,
      )}
    >
      {method.toUpperCase()}
    </span>
  );
}
