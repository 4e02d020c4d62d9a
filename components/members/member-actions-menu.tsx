"use client";

import { buttonStyles } from "@/components/ui/button";
import { ChevronDownIcon } from "@/components/ui/icons";
import { Menu, MenuButton, MenuItem, MenuItems, MenuSeparator } from "@/components/ui/menu";
import type { Role } from "@/lib/generated/prisma/enums";
import { ROLE_LABEL } from "@/lib/members/labels";
import type { MemberActions } from "@/lib/members/member-actions";
import type { MemberJson } from "./types";

export type MemberIntent = { kind: "role"; role: Role } | { kind: "suspend" } | { kind: "reactivate" } | { kind: "remove" } | { kind: "leave" };

/** One row's actions: only those the viewer may take (memberActions), or none at all. */
export function MemberActionsMenu({ member, actions, onIntent }: { member: MemberJson; actions: MemberActions; onIntent: (intent: MemberIntent) => void }) {
  const name = member.user.name ?? member.user.email;
  const hasStatusAction = actions.suspend || actions.reactivate;
  const hasExit = actions.remove || actions.leave;

  return (
    <Menu>
      <MenuButton className={buttonStyles({ variant: "ghost", size: "sm" })}>
        Actions<span className="sr-only"> for {name}</span>
        <ChevronDownIcon className="text-muted-foreground" />
      </MenuButton>
      <MenuItems>
        {actions.roles.map((role) => (
          <MenuItem key={role} onSelect={() => onIntent({ kind: "role", role })}>
            Make {ROLE_LABEL[role].toLowerCase()}
            {role === "OWNER" ? "…" : ""}
          </MenuItem>
        ))}
        {actions.roles.length > 0 && (hasStatusAction || hasExit) ? <MenuSeparator /> : null}
        {actions.suspend ? <MenuItem onSelect={() => onIntent({ kind: "suspend" })}>Suspend</MenuItem> : null}
        {actions.reactivate ? <MenuItem onSelect={() => onIntent({ kind: "reactivate" })}>Reactivate</MenuItem> : null}
        {hasStatusAction && hasExit ? <MenuSeparator /> : null}
        {actions.remove ? (
          <MenuItem tone="danger" onSelect={() => onIntent({ kind: "remove" })}>
            Remove from organization…
          </MenuItem>
        ) : null}
        {actions.leave ? (
          <MenuItem tone="danger" onSelect={() => onIntent({ kind: "leave" })}>
            Leave organization…
          </MenuItem>
        ) : null}
      </MenuItems>
    </Menu>
  );
}
