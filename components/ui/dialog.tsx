"use client";

import { useEffect, useId, useRef } from "react";
import type { MouseEvent, PointerEvent, ReactNode } from "react";
import { cx } from "./class-names";
import { CloseIcon } from "./icons";

export type DialogProps = {
  open: boolean;
  /** Called with false when the user dismisses the dialog (Escape, close button, backdrop). */
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
  /**
   * Actions row. Put the least destructive action first: without a `data-autofocus`
   * element in the content, opening focuses the first focusable element.
   */
  footer?: ReactNode;
  /** Clicking outside the panel dismisses it; turn off for forms that would lose input. */
  dismissOnBackdropClick?: boolean;
  className?: string;
};

/**
 * A modal built on the native <dialog>: showModal() gives the focus trap, the inert page
 * behind it, the top layer and Escape handling, so none of that is re-implemented here.
 */
export function Dialog({
  open,
  onOpenChange,
  title,
  description,
  children,
  footer,
  dismissOnBackdropClick = true,
  className,
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const pressStartedOnBackdrop = useRef(false);
  const titleId = useId();
  const descriptionId = useId();

  // Closing in the cleanup covers both open → false and unmounting while open (a route
  // change), and focus goes back to whatever opened the dialog.
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || !open) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) {
      dialog.showModal();
      // React never renders an autofocus attribute on the client, so offer a data attribute.
      dialog.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    }
    return () => {
      dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, [open]);

  // Fires for every way the dialog closes, including Escape, so parent state never drifts.
  // The event is queued: if the dialog is open again by then (Strict Mode re-runs effects),
  // it is stale and ignored.
  function handleClose() {
    if (open && !ref.current?.open) onOpenChange(false);
  }

  // A drag that starts inside the panel and ends outside must not count as a backdrop click.
  function handlePointerDown(event: PointerEvent<HTMLDialogElement>) {
    pressStartedOnBackdrop.current = event.target === event.currentTarget;
  }

  function handleClick(event: MouseEvent<HTMLDialogElement>) {
    if (
      dismissOnBackdropClick &&
      pressStartedOnBackdrop.current &&
      event.target === event.currentTarget
    ) {
      onOpenChange(false);
    }
  }

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onClose={handleClose}
      onPointerDown={handlePointerDown}
      onClick={handleClick}
      className={cx(
        "m-auto w-[calc(100%-2rem)] max-w-lg max-h-[calc(100dvh-2rem)] rounded-xl border border-border bg-surface p-0 text-foreground shadow-xl backdrop:bg-black/60",
        className,
      )}
    >
      {/* The panel fills the dialog, so a click whose target is the dialog hit the backdrop. */}
      <div className="flex flex-col gap-4 p-6">
        <div className="flex flex-col gap-1 pr-8">
          <h2 id={titleId} className="text-lg font-semibold">
            {title}
          </h2>
          {description ? (
            <p id={descriptionId} className="text-sm text-muted-foreground">
              {description}
            </p>
          ) : null}
        </div>
        {children}
        {footer ? (
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">{footer}</div>
        ) : null}
      </div>
      {/* Last in the DOM so showModal() focuses the content or the first action, not this. */}
      <button
        type="button"
        onClick={() => onOpenChange(false)}
        className="absolute top-4 right-4 flex size-8 items-center justify-center rounded-md text-muted-foreground hover:bg-surface-muted hover:text-foreground"
      >
        <CloseIcon />
        <span className="sr-only">Close</span>
      </button>
    </dialog>
  );
}
