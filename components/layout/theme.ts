export type ThemePreference = "light" | "dark" | "system";

export const THEME_PREFERENCES: readonly ThemePreference[] = ["light", "dark", "system"];

const STORAGE_KEY = "cairn-theme";
const CHANGE_EVENT = "cairn-theme-change";
const DARK_QUERY = "(prefers-color-scheme: dark)";

/**
 * Runs in <head> before the body is parsed, so the first paint already has the right theme.
 * It must stay in step with applyThemePreference below; it is a string because it runs
 * before any bundle has loaded.
 */
export const themeInitScript = `(function(){var p=null;try{p=localStorage.getItem(${JSON.stringify(
  STORAGE_KEY,
)})}catch(e){}var d=p==="dark"||(p!=="light"&&window.matchMedia(${JSON.stringify(
  DARK_QUERY,
)}).matches);document.documentElement.classList.toggle("dark",d)})()`;

function isPreference(value: unknown): value is ThemePreference {
  return value === "light" || value === "dark" || value === "system";
}

export function readThemePreference(): ThemePreference {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isPreference(stored) ? stored : "system";
  } catch {
    // Storage can be unavailable (privacy modes, sandboxed frames): fall back to the OS.
    return "system";
  }
}

export function applyThemePreference(preference: ThemePreference): void {
  const dark =
    preference === "dark" || (preference === "system" && window.matchMedia(DARK_QUERY).matches);
  document.documentElement.classList.toggle("dark", dark);
}

export function setThemePreference(preference: ThemePreference): void {
  try {
    if (preference === "system") window.localStorage.removeItem(STORAGE_KEY);
    else window.localStorage.setItem(STORAGE_KEY, preference);
  } catch {
    // The choice still applies to this page view; it just will not survive a reload.
  }
  applyThemePreference(preference);
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

/**
 * Notifies on changes from this tab, from other tabs (the storage event), and from the OS
 * switching between light and dark while the preference is "system".
 */
export function subscribeToThemePreference(onChange: () => void): () => void {
  const media = window.matchMedia(DARK_QUERY);
  const sync = () => {
    applyThemePreference(readThemePreference());
    onChange();
  };
  const onStorage = (event: StorageEvent) => {
    if (event.key === null || event.key === STORAGE_KEY) sync();
  };
  window.addEventListener(CHANGE_EVENT, onChange);
  window.addEventListener("storage", onStorage);
  media.addEventListener("change", sync);
  return () => {
    window.removeEventListener(CHANGE_EVENT, onChange);
    window.removeEventListener("storage", onStorage);
    media.removeEventListener("change", sync);
  };
}
