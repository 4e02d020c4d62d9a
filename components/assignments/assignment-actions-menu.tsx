"use client";

import { buttonStyles } from "@/components/ui/button";
import { ChevronDownIcon } from "@/components/ui/icons";
import { Menu, MenuButton, MenuItem, MenuItems, MenuSeparator } from "@/components/ui/menu";
import { personName } from "./labels";
import type { AssignmentJson } from "./types";

export type AssignmentIntent = "mentors" | "dueDate" | "archive" | "unarchive";

/** A manager's changes to one assignment. An archived one can only come back first. */
export function AssignmentActionsMenu({ assignment, onIntent }: { assignment: AssignmentJson; onIntent: (assignment: AssignmentJson, intent: AssignmentIntent) => void }) {
  const archived = assignment.status === "ARCHIVED";
  return (
    <Menu>
      <MenuButton className={buttonStyles({ variant: "ghost", size: "sm" })}>
        {/* On narrow screens only the chevron shows; the whole name is still read out. */}
        <span className="sr-only sm:not-sr-only">Manage</span>
        <span className="sr-only">
          {" "}
          {personName(assignment.assignee)}&apos;s {assignment.track.title}
        </span>
        <ChevronDownIcon className="text-muted-foreground" />
      </MenuButton>
      <MenuItems>
        {archived ? (
          <MenuItem onSelect={() => onIntent(assignment, "unarchive")}>Unarchive</MenuItem>
        ) : (
          <>
            <MenuItem onSelect={() => onIntent(assignment, "mentors")}>Change mentors…</MenuItem>
            <MenuItem onSelect={() => onIntent(assignment, "dueDate")}>Change due date…</MenuItem>
            <MenuSeparator />
            <MenuItem tone="danger" onSelect={() => onIntent(assignment, "archive")}>
              Archive…
            </MenuItem>
          </>
        )}
      </MenuItems>
    </Menu>
  );
}
