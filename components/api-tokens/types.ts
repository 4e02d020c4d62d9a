/** An API token as the token endpoints answer it (lib/api-tokens/schema.ts). */
export interface ApiToken {
  id: string;
  kind: "PERSONAL" | "SERVICE";
  name: string;
  prefix: string;
  scopes: string[];
  organization: { slug: string; name: string };
  role: "OWNER" | "ADMIN" | "MENTOR" | "MEMBER";
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  createdBy: string | null;
}

export interface CreatedApiToken extends ApiToken {
  token: string;
}
