import { z } from "zod";
import { defineEndpoint } from "@/lib/http/endpoint";
import { managerDashboardQuerySchema, managerDashboardSchema, managerExportQuerySchema } from "./manager-schema";
import { dashboardParamsSchema, mentorDashboardSchema } from "./schema";

export const mentorDashboardEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/o/{orgSlug}/dashboards/mentor",
  operationId: "getMentorDashboard",
  summary: "The mentor's dashboard",
  description:
    "Each assignment the caller mentors (archived ones left out): progress by track and section, items in progress and since when, attempts waiting for review, the hire's last activity, and flags: stuck (an item in progress, or no activity, for longer than the organization's `stuckAfterDays`), overdue, changes requested but unanswered. Flagged mentees first.",
  tags: ["Dashboards"],
  auth: "session",
  permission: "evidence.review",
  params: dashboardParamsSchema,
  response: { status: 200, description: "The caller's mentees.", schema: mentorDashboardSchema },
});

const MANAGER_SCOPE =
  "Active assignments of the organization (archived and completed ones left out), narrowed by the filters: `track`, `mentor` (a user id) and `cohort` (the month the hire started, as 2026-11), in the order of `sort` and `order`.";

export const managerDashboardEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/o/{orgSlug}/dashboards/manager",
  operationId: "getManagerDashboard",
  summary: "The manager's dashboard",
  description: `${MANAGER_SCOPE} A page of them (\`page\`, \`pageSize\`), each with progress (overall and per section), due day, forecast finish at the hire's pace so far, last activity and flags (stuck, overdue, changes unanswered); and over all of them a summary, review times, each track's sections and the cohorts' averages per section (the heatmap). Owners and admins.`,
  tags: ["Dashboards"],
  auth: "session",
  permission: "dashboard.read",
  params: dashboardParamsSchema,
  query: managerDashboardQuerySchema,
  response: { status: 200, description: "The dashboard.", schema: managerDashboardSchema },
});

export const managerDashboardCsvEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/o/{orgSlug}/dashboards/manager/export",
  operationId: "exportManagerDashboard",
  summary: "The manager's dashboard as CSV",
  description: `The dashboard's table, every page, as a CSV attachment (UTF-8 with a byte order mark, CRLF lines). ${MANAGER_SCOPE} Cells a spreadsheet would run as formulas (starting with =, +, -, @, tab or carriage return) are written as text, with a leading '.`,
  tags: ["Dashboards"],
  auth: "session",
  permission: "dashboard.read",
  params: dashboardParamsSchema,
  query: managerExportQuerySchema,
  response: { status: 200, description: "text/csv", schema: z.unknown() },
});
