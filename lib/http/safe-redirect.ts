/** Only same-site paths may be redirect targets ("/o/acme"), never "//evil.test" or "https://…". */
export function safeCallbackPath(value: string | string[] | undefined, fallback = "/o"): string {
  const path = Array.isArray(value) ? value[0] : value;
  if (!path || !path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return fallback;
  return path;
}
