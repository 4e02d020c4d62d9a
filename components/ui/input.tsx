import { useId } from "react";
import type { ComponentProps, ReactNode } from "react";
import { cx } from "./class-names";

export type InputProps = Omit<ComponentProps<"input">, "children"> & {
  label: ReactNode;
  /** Guidance shown under the field and read after the label by screen readers. */
  hint?: ReactNode;
  /** When set, the field is marked invalid and the message is announced with it. */
  error?: ReactNode;
  /** Classes for the wrapper; `className` goes to the <input> itself. */
  containerClassName?: string;
};

export function Input({
  label,
  hint,
  error,
  id,
  className,
  containerClassName,
  "aria-describedby": describedBy,
  ...props
}: InputProps) {
  const generatedId = useId();
  const inputId = id ?? generatedId;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = error ? `${inputId}-error` : undefined;
  // The error comes last so it is read after the hint that explains what was expected.
  const describedByIds = [describedBy, hintId, errorId].filter(Boolean).join(" ") || undefined;

  return (
    <div className={cx("flex flex-col gap-1.5", containerClassName)}>
      <label htmlFor={inputId} className="text-sm font-medium text-foreground">
        {label}
      </label>
      <input
        id={inputId}
        aria-describedby={describedByIds}
        aria-invalid={error ? true : undefined}
        className={cx(
          "h-10 w-full rounded-md border touch:h-11 bg-surface px-3 text-sm text-foreground placeholder:text-muted-foreground disabled:cursor-not-allowed disabled:opacity-60",
          error ? "border-danger" : "border-border-strong",
          className,
        )}
        {...props}
      />
      {hint ? (
        <p id={hintId} className="text-sm text-muted-foreground">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="text-sm font-medium text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}
