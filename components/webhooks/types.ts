export type EndpointKind = "WEBHOOK" | "SLACK";

export interface Endpoint {
  id: string;
  kind: EndpointKind;
  description: string;
  url: string;
  eventTypes: string[];
  enabled: boolean;
  disabledAt: string | null;
  disabledReason: string | null;
  failingSince: string | null;
  createdAt: string;
}

export interface EndpointList {
  items: Endpoint[];
  eventTypes: string[];
  slackEventTypes: string[];
}

export interface Delivery {
  id: string;
  eventType: string;
  eventSequence: number | null;
  status: "PENDING" | "SUCCEEDED" | "DEAD";
  attempts: number;
  responseStatus: number | null;
  responseTimeMs: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  lastAttemptAt: string | null;
  deliveredAt: string | null;
  createdAt: string;
}

export const endpointsKey = (slug: string, kind: EndpointKind) => ["webhooks", slug, kind] as const;
export const deliveriesKey = (slug: string, endpointId: string) => ["webhooks", slug, "deliveries", endpointId] as const;

/** Words for the event types people choose from. */
export const SLACK_TYPE_LABELS: Record<string, string> = {
  "evidence.submitted": "Evidence waiting for review",
  "evidence.reviewed": "Review done (approved or changes requested)",
  "assignment.stuck": "Hire stuck",
  "assignment.overdue": "Assignment overdue",
  "assignment.completed": "Assignment completed",
};
