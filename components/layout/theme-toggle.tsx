"use client";

import { useId, useLayoutEffect, useSyncExternalStore } from "react";
import type { ComponentType, SVGProps } from "react";
import { MonitorIcon, MoonIcon, SunIcon } from "@/components/ui/icons";
import type { ThemePreference } from "./theme";
import {
  applyThemePreference,
  readThemePreference,
  setThemePreference,
  subscribeToThemePreference,
} from "./theme";

const OPTIONS: Array<{
  value: ThemePreference;
  label: string;
  Icon: ComponentType<SVGProps<SVGSVGElement>>;
}> = [
  { value: "light", label: "Light theme", Icon: SunIcon },
  { value: "dark", label: "Dark theme", Icon: MoonIcon },
  { value: "system", label: "Match system theme", Icon: MonitorIcon },
];

// The server cannot read localStorage; "system" is what a first-time visitor has anyway.
const serverSnapshot = (): ThemePreference => "system";

/** A radio group, so arrow keys move between the three choices as in any native group. */
export function ThemeToggle() {
  const name = useId();
  const preference = useSyncExternalStore(
    subscribeToThemePreference,
    readThemePreference,
    serverSnapshot,
  );

  // In development, Strict Mode's remount resets <html> attributes that the head script set.
  // Reading storage (not state) here keeps the hydration pass from applying the server default.
  useLayoutEffect(() => {
    applyThemePreference(readThemePreference());
  }, []);

  return (
    <fieldset className="flex items-center gap-0.5 rounded-lg border border-border bg-surface p-0.5">
      <legend className="sr-only">Color theme</legend>
      {OPTIONS.map(({ value, label, Icon }) => (
        <label key={value} title={label} className="relative flex cursor-pointer">
          <input
            type="radio"
            name={name}
            value={value}
            checked={preference === value}
            onChange={() => setThemePreference(value)}
            className="peer sr-only"
          />
          <span className="flex size-8 items-center touch:size-11 justify-center rounded-md text-muted-foreground transition-colors hover:text-foreground peer-checked:bg-surface-muted peer-checked:text-foreground peer-focus-visible:outline-2 peer-focus-visible:outline-offset-1 peer-focus-visible:outline-ring">
            <Icon />
            <span className="sr-only">{label}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
