import type { ComponentProps } from "react";
import { cx } from "./class-names";
import { SpinnerIcon } from "./icons";

export type ButtonVariant = "primary" | "secondary" | "ghost" | "danger";
export type ButtonSize = "sm" | "md" | "lg";

const base =
  "inline-flex items-center justify-center gap-2 rounded-md font-medium whitespace-nowrap transition-colors disabled:cursor-not-allowed disabled:opacity-60 aria-busy:cursor-progress";

const variants: Record<ButtonVariant, string> = {
  primary: "bg-primary text-on-primary hover:bg-primary-hover",
  secondary: "border border-border-strong bg-surface text-foreground hover:bg-surface-muted",
  ghost: "text-foreground hover:bg-surface-muted",
  danger: "bg-danger-solid text-on-danger hover:bg-danger-solid-hover",
};

const sizes: Record<ButtonSize, string> = {
  // On touch screens every size is at least a 44 px target (the `touch` variant, globals.css).
  sm: "h-8 px-3 text-sm touch:h-11 touch:min-w-11",
  md: "h-10 px-4 text-sm touch:h-11 touch:min-w-11",
  lg: "h-12 px-6 text-base",
};

/** The button look for other elements too, such as a link that should read as an action. */
export function buttonStyles({
  variant = "primary",
  size = "md",
  className,
}: { variant?: ButtonVariant; size?: ButtonSize; className?: string } = {}): string {
  return cx(base, variants[variant], sizes[size], className);
}

export type ButtonProps = ComponentProps<"button"> & {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Disables the button and announces it as busy; the label stays so the width is stable. */
  loading?: boolean;
};

export function Button({
  variant,
  size,
  loading = false,
  disabled,
  className,
  children,
  type = "button",
  ...props
}: ButtonProps) {
  return (
    <button
      // Default to "button": a bare <button> inside a form submits it, which is rarely intended.
      type={type}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
      className={buttonStyles({ variant, size, className })}
      {...props}
    >
      {loading ? <SpinnerIcon className="motion-safe:animate-spin" /> : null}
      {children}
    </button>
  );
}
