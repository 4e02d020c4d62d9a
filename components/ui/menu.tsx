"use client";

import { createContext, useCallback, useContext, useEffect, useId, useMemo, useRef, useState } from "react";
import type { ComponentProps, KeyboardEvent, ReactNode } from "react";
import { cx } from "./class-names";

// A menu button per the WAI-ARIA Authoring Practices: the button opens a role="menu" whose
// items are reached with arrow keys (roving focus); Tab leaves the menu and closes it.

type FocusTarget = "first" | "last";

type MenuState = {
  open: boolean;
  /** Which item receives focus when the menu opens. */
  focusTarget: FocusTarget;
  buttonId: string;
  menuId: string;
  openMenu: (focus: FocusTarget) => void;
  closeMenu: (options?: { returnFocus?: boolean }) => void;
};

const MenuContext = createContext<MenuState | null>(null);

function useMenu(component: string): MenuState {
  const state = useContext(MenuContext);
  if (!state) throw new Error(`<${component}> must be used inside <Menu>`);
  return state;
}

export function Menu({ children, className }: { children: ReactNode; className?: string }) {
  const [open, setOpen] = useState(false);
  const [focusTarget, setFocusTarget] = useState<FocusTarget>("first");
  const rootRef = useRef<HTMLDivElement>(null);
  const id = useId();
  const buttonId = `${id}-button`;

  const openMenu = useCallback((focus: FocusTarget) => {
    setFocusTarget(focus);
    setOpen(true);
  }, []);

  const closeMenu = useCallback(
    (options?: { returnFocus?: boolean }) => {
      setOpen(false);
      if (options?.returnFocus) document.getElementById(buttonId)?.focus();
    },
    [buttonId],
  );

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open]);

  const state = useMemo<MenuState>(
    () => ({ open, focusTarget, buttonId, menuId: `${id}-menu`, openMenu, closeMenu }),
    [open, focusTarget, buttonId, id, openMenu, closeMenu],
  );

  return (
    <MenuContext.Provider value={state}>
      <div
        ref={rootRef}
        className={cx("relative inline-block", className)}
        onBlur={(event) => {
          // Focus moving out of the whole widget (Tab, or a click elsewhere) closes it.
          if (open && !event.currentTarget.contains(event.relatedTarget)) setOpen(false);
        }}
      >
        {children}
      </div>
    </MenuContext.Provider>
  );
}

/** The id is managed by the menu (the items are labelled by it), so it is not a prop. */
export function MenuButton({
  className,
  children,
  onClick,
  onKeyDown,
  ...props
}: Omit<ComponentProps<"button">, "id">) {
  const menu = useMenu("MenuButton");

  function handleKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    onKeyDown?.(event);
    if (event.defaultPrevented) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      menu.openMenu(event.key === "ArrowDown" ? "first" : "last");
    }
  }

  return (
    <button
      type="button"
      {...props}
      id={menu.buttonId}
      aria-haspopup="menu"
      aria-expanded={menu.open}
      aria-controls={menu.menuId}
      onClick={(event) => {
        onClick?.(event);
        if (event.defaultPrevented) return;
        if (menu.open) menu.closeMenu();
        else menu.openMenu("first");
      }}
      onKeyDown={handleKeyDown}
      className={className}
    >
      {children}
    </button>
  );
}

const ITEM_SELECTOR = '[role="menuitem"]:not([aria-disabled="true"])';

export function MenuItems({
  children,
  align = "end",
  className,
}: {
  children: ReactNode;
  align?: "start" | "end";
  className?: string;
}) {
  const menu = useMenu("MenuItems");
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!menu.open) return;
    const items = menuItems(ref.current);
    const target = menu.focusTarget === "last" ? items.at(-1) : items[0];
    target?.focus();
  }, [menu.open, menu.focusTarget]);

  function handleKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const items = menuItems(ref.current);
    if (items.length === 0) return;
    const current = items.indexOf(document.activeElement as HTMLElement);
    const focusAt = (index: number) => items[(index + items.length) % items.length]?.focus();

    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        focusAt(current + 1);
        break;
      case "ArrowUp":
        event.preventDefault();
        focusAt(current - 1);
        break;
      case "Home":
        event.preventDefault();
        focusAt(0);
        break;
      case "End":
        event.preventDefault();
        focusAt(items.length - 1);
        break;
      case "Escape":
        event.preventDefault();
        menu.closeMenu({ returnFocus: true });
        break;
      case "Tab":
        // Let the browser move focus on; the menu closes when focus leaves it.
        break;
      default:
        // Type-ahead: a printable character jumps to the next item starting with it.
        if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
          const key = event.key.toLowerCase();
          const order = items.map((_, i) => items[(current + 1 + i) % items.length]);
          const match = order.find((item) => item?.textContent?.trim().toLowerCase().startsWith(key));
          match?.focus();
        }
    }
  }

  return (
    <div
      ref={ref}
      id={menu.menuId}
      role="menu"
      aria-labelledby={menu.buttonId}
      hidden={!menu.open}
      onKeyDown={handleKeyDown}
      className={cx(
        "absolute top-full z-40 mt-2 min-w-56 rounded-lg border border-border bg-surface p-1 text-foreground shadow-lg",
        align === "end" ? "right-0" : "left-0",
        className,
      )}
    >
      {children}
    </div>
  );
}

function menuItems(container: HTMLElement | null): HTMLElement[] {
  return container ? Array.from(container.querySelectorAll<HTMLElement>(ITEM_SELECTOR)) : [];
}

const itemClasses =
  "flex w-full items-center gap-2 rounded-md px-3 py-2 text-left text-sm outline-offset-0 hover:bg-surface-muted focus:bg-surface-muted";

type MenuItemProps = {
  children: ReactNode;
  /** Renders a link; use for navigation (including to API routes that need a full page load). */
  href?: string;
  onSelect?: () => void;
  tone?: "default" | "danger";
  className?: string;
};

export function MenuItem({ children, href, onSelect, tone = "default", className }: MenuItemProps) {
  const menu = useMenu("MenuItem");
  const classes = cx(itemClasses, tone === "danger" && "text-danger", className);

  if (href !== undefined) {
    return (
      <a
        role="menuitem"
        tabIndex={-1}
        href={href}
        className={classes}
        onClick={() => {
          onSelect?.();
          menu.closeMenu();
        }}
      >
        {children}
      </a>
    );
  }

  return (
    <button
      type="button"
      role="menuitem"
      tabIndex={-1}
      className={classes}
      onClick={() => {
        onSelect?.();
        menu.closeMenu({ returnFocus: true });
      }}
    >
      {children}
    </button>
  );
}

/** Non-interactive text inside the menu, such as who is signed in; arrow keys skip it. */
export function MenuLabel({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <div role="presentation" className={cx("px-3 py-2 text-sm text-muted-foreground", className)}>
      {children}
    </div>
  );
}

export function MenuSeparator() {
  return <div role="separator" className="my-1 h-px bg-border" />;
}
