import Link from "next/link";
import { buttonStyles } from "@/components/ui/button";
import { cx } from "@/components/ui/class-names";
import type { SetupChecklist as Checklist, SetupStep } from "@/lib/orgs/setup-steps";

/**
 * The owner's first run (decision 0039): five steps with progress, each linking to where it
 * is done, the first one not done shown as "Next". Once all are done it folds into one
 * "Setup complete" line that leads to the dashboard; the steps stay one click away.
 */
export function SetupChecklist({ checklist, dashboardHref }: { checklist: Checklist; dashboardHref: string }) {
  const { doneCount, total } = checklist;
  const percent = Math.round((doneCount / total) * 100);
  const progress = (
    <div
      role="progressbar"
      aria-label="Setup"
      aria-valuemin={0}
      aria-valuemax={total}
      aria-valuenow={doneCount}
      aria-valuetext={`${doneCount} of ${total} done`}
      className="h-2 w-full max-w-48 overflow-hidden rounded-full bg-surface-muted ring-1 ring-border ring-inset"
    >
      <div className="h-full rounded-full bg-primary" style={{ width: `${percent}%` }} />
    </div>
  );

  if (checklist.complete) {
    return (
      <section aria-labelledby="setup-heading" className="rounded-xl border border-border bg-surface p-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <div className="flex items-center gap-2">
            <CheckMark />
            <h2 id="setup-heading" className="text-base font-semibold">
              Setup complete
            </h2>
            <span className="text-sm text-muted-foreground">
              {doneCount} of {total} done
            </span>
          </div>
          <Link href={dashboardHref} className={buttonStyles({ size: "sm" })}>
            Open the dashboard
          </Link>
        </div>
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer text-muted-foreground hover:text-foreground">Show the steps</summary>
          <StepList steps={checklist.steps} />
        </details>
      </section>
    );
  }

  return (
    <section aria-labelledby="setup-heading" className="rounded-xl border border-border bg-surface p-4 sm:p-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="setup-heading" className="text-lg font-semibold">
          Get started
        </h2>
        <p className="text-sm font-medium tabular-nums">
          {doneCount} of {total} done
        </p>
      </div>
      <p className="mt-1 text-sm text-muted-foreground">From an empty organization to a hire&apos;s progress showing live, in five steps.</p>
      <div className="mt-3">{progress}</div>
      <StepList steps={checklist.steps} />
    </section>
  );
}

function StepList({ steps }: { steps: SetupStep[] }) {
  return (
    <ol aria-label="Setup steps" className="mt-4 flex flex-col gap-2">
      {steps.map((step, index) => (
        <li
          key={step.id}
          aria-current={step.current ? "step" : undefined}
          className={cx("flex flex-wrap items-start gap-3 rounded-lg border p-3", step.current ? "border-primary bg-surface-muted" : "border-border")}
        >
          <span aria-hidden className={cx("mt-0.5 flex size-6 shrink-0 items-center justify-center rounded-full text-xs font-semibold", step.done ? "border border-success text-success" : step.current ? "bg-primary text-on-primary" : "border border-border-strong text-muted-foreground")}>
            {step.done ? "✓" : index + 1}
          </span>
          <div className="min-w-0 flex-1 basis-48">
            <p className={cx("text-sm font-medium", step.done && "text-muted-foreground")}>
              {step.title}
              <span className="sr-only">{step.done ? ": done" : step.current ? ": next" : ": not done"}</span>
              {step.current ? <span className="ml-2 rounded-full bg-primary px-2 text-xs leading-5 font-semibold text-on-primary" aria-hidden>Next</span> : null}
            </p>
            <p className="mt-0.5 text-sm text-muted-foreground">{step.hint}</p>
          </div>
          {step.done ? (
            <Link href={step.href} className="self-center text-sm font-medium text-link underline-offset-2 hover:underline">
              {step.action}
              <span className="sr-only"> (done)</span>
            </Link>
          ) : (
            <Link href={step.href} className={cx("self-center", buttonStyles({ variant: step.current ? "primary" : "secondary", size: "sm" }))}>
              {step.action}
            </Link>
          )}
        </li>
      ))}
    </ol>
  );
}

function CheckMark() {
  return (
    <span aria-hidden className="flex size-6 items-center justify-center rounded-full border border-success text-xs font-semibold text-success">
      ✓
    </span>
  );
}
