import { defineEndpoint } from "@/lib/http/endpoint";
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
