/** "expires in 6 days" / "expires in 3 hours" / "expired": how a pending invitation's expiry reads. Pure. */
export function describeExpiry(expiresAt: Date, now = new Date()): string {
  const ms = expiresAt.getTime() - now.getTime();
  if (ms <= 0) return "expired";
  const hours = Math.floor(ms / 3_600_000);
  if (hours >= 24) {
    const days = Math.floor(hours / 24);
    return `expires in ${days} day${days === 1 ? "" : "s"}`;
  }
  if (hours >= 1) return `expires in ${hours} hour${hours === 1 ? "" : "s"}`;
  return "expires in less than an hour";
}
