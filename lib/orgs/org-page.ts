/**
 * The page gate: every page under /o/[orgSlug] is `orgPage(declaration, fn)`, as every API
 * route is `handle(endpoint, fn)`. The declaration says the page's route, who may open it
 * and its title; the gate then, in order, reads the session and the membership in one
 * statement (page-access.ts, shared with the layout and the metadata), sends a signed-out
 * visitor to sign in and back to this page, renders nothing for a suspended member (the
 * layout explains the suspension), answers the not-found page to a non-member (another
 * organization's page included) and to a member without the permission, and calls `fn`
 * with the member's OrgContext, the page's params and its search params.
 */
import "server-only";
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import type { ReactNode } from "react";
import { can } from "@/lib/authz/policy";
import type { Permission } from "@/lib/authz/policy";
import { pageOrgContext } from "./context";
import type { OrgContext } from "./context";
import { orgPageAccess } from "./page-access";
import type { OrgPageAccess } from "./page-access";

export type SearchParams = Record<string, string | string[] | undefined>;

/** The route of a page under one organization, as its folders spell it: "/o/[orgSlug]/tracks/[trackId]". */
export type OrgPagePath = `/o/[orgSlug]${string}`;

type ParamNames<Path extends string> = Path extends `${string}[${infer Name}]${infer Rest}` ? Name | ParamNames<Rest> : never;
/** The params of a page's route: { orgSlug: string; trackId: string } for "/o/[orgSlug]/tracks/[trackId]". */
export type PageParams<Path extends string> = { orgSlug: string } & { [Name in ParamNames<Path>]: string };

export interface OrgPageDeclaration<Path extends OrgPagePath> {
  /** The page's route: a signed-out visitor signs in and comes back to it, its params filled in. */
  path: Path;
  /**
   * Who may open the page (lib/authz/policy.ts). A member without it gets the not-found
   * page, as for a page that does not exist; a page every member opens declares the read
   * permission of what it shows.
   */
  permission: Permission;
  /**
   * The search params the way back from sign-in keeps: all of them, or the query string a
   * function makes of them ("" for none; a filter view keeps only what it understands).
   * Omitted: none.
   */
  returnQuery?: "all" | ((searchParams: SearchParams) => string);
  /**
   * The page's title (the root layout adds "· Cairn"). A function gets the member's context,
   * or null for a signed-out visitor or a suspended member; `orgTitle("Members")` names the
   * organization when there is one.
   */
  title: string | ((input: { ctx: OrgContext | null; params: PageParams<Path> }) => string | Promise<string>);
}

export interface OrgPageInput<Path extends OrgPagePath> {
  ctx: OrgContext;
  params: PageParams<Path>;
  searchParams: SearchParams;
}

export interface OrgPageProps<Path extends OrgPagePath> {
  params: Promise<PageParams<Path>>;
  searchParams: Promise<SearchParams>;
}

/** The page component (a page's default export), carrying its `generateMetadata` (exported beside it). */
export type OrgPage<Path extends OrgPagePath> = ((props: OrgPageProps<Path>) => Promise<ReactNode>) & {
  generateMetadata: (props: { params: Promise<PageParams<Path>> }) => Promise<Metadata>;
  declaration: OrgPageDeclaration<Path>;
};

/**
 * A page's context, one per request and organization: the page, its metadata and the
 * loaders they call (cached by their arguments) get the same object.
 */
const contextOf = cache((access: OrgPageAccess & { suspended: false }): OrgContext => pageOrgContext(access));

export function orgPage<Path extends OrgPagePath>(declaration: OrgPageDeclaration<Path>, fn: (input: OrgPageInput<Path>) => ReactNode | Promise<ReactNode>): OrgPage<Path> {
  async function page({ params, searchParams }: OrgPageProps<Path>): Promise<ReactNode> {
    const [pageParams, query] = await Promise.all([params, searchParams]);
    const access = await orgPageAccess(pageParams.orgSlug);
    if (!access) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnPath(declaration, pageParams, query))}`);
    if (access.suspended) return null; // the layout explains; nothing of the organization is rendered
    if (!can(access.membership.role, declaration.permission)) notFound();
    return fn({ ctx: contextOf(access), params: pageParams, searchParams: query });
  }

  async function generateMetadata({ params }: { params: Promise<PageParams<Path>> }): Promise<Metadata> {
    const { title } = declaration;
    if (typeof title === "string") return { title };
    const pageParams = await params;
    const access = await orgPageAccess(pageParams.orgSlug);
    return { title: await title({ ctx: access && !access.suspended ? contextOf(access) : null, params: pageParams }) };
  }

  return Object.assign(page, { generateMetadata, declaration });
}

/** A title naming the organization when the visitor is one of its members: "Members · Acme". */
export function orgTitle(text: string) {
  return ({ ctx }: { ctx: OrgContext | null }) => (ctx ? `${text} · ${ctx.organization.name}` : text);
}

/** Where sign-in sends a signed-out visitor back to: the page's route with its params, and the query it keeps. */
export function returnPath<Path extends OrgPagePath>(declaration: Pick<OrgPageDeclaration<Path>, "path" | "returnQuery">, params: PageParams<Path>, searchParams: SearchParams): string {
  const path = declaration.path.replace(/\[([^\]]+)\]/g, (_, name: string) => encodeURIComponent((params as Record<string, string>)[name] ?? ""));
  const { returnQuery } = declaration;
  const query = !returnQuery ? "" : returnQuery === "all" ? allOf(searchParams) : returnQuery(searchParams);
  return query ? `${path}?${query}` : path;
}

/** Every search param, repeated ones included, in their order. */
function allOf(searchParams: SearchParams): string {
  return new URLSearchParams(Object.entries(searchParams).flatMap(([key, value]) => [value ?? []].flat().map((item) => [key, item]))).toString();
}
