"use client";

import { buttonStyles } from "@/components/ui/button";
import { Menu, MenuButton, MenuItem, MenuItems, MenuLabel } from "@/components/ui/menu";

/**
 * A section's actions. The button is out of the tab order (the row is the focus
 * stop); from the keyboard, Shift+F10 or the context-menu key on the section's
 * row opens it (roadmap-tree.tsx). The tree ignores clicks and keys inside it.
 */
export function SectionActionsMenu({ sectionKey, title, markable, onMarkAll }: { sectionKey: string; title: string; markable: number; onMarkAll: (sectionKey: string) => void }) {
  return (
    <div data-row-actions="" className="shrink-0">
      <Menu>
        <MenuButton tabIndex={-1} data-section-actions="" className={buttonStyles({ variant: "ghost", size: "sm", className: "h-7 px-2" })}>
          <span aria-hidden="true">⋯</span>
          <span className="sr-only">Actions for {title}</span>
        </MenuButton>
        <MenuItems>
          {markable > 0 ? (
            <MenuItem onSelect={() => onMarkAll(sectionKey)}>
              Mark all done ({markable} {markable === 1 ? "item" : "items"})
            </MenuItem>
          ) : (
            <MenuLabel>Nothing here is left to mark done.</MenuLabel>
          )}
        </MenuItems>
      </Menu>
    </div>
  );
}
