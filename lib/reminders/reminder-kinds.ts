/**
 * The kinds of reminder and nudge (decision 0029): each is a Notification type,
 * a ReminderSend kind and a user preference. The reminder kinds (due soon,
 * overdue, stuck) switched off mean no reminder at all, in the app or by email;
 * the notices a person causes (assigned, nudge) always arrive in the app, and
 * their switch is the email's.
 */
export const REMINDER_NOTIFICATION_TYPES = ["assignment.assigned", "reminder.due_soon", "reminder.overdue", "reminder.stuck", "nudge"] as const;
export type ReminderNotificationType = (typeof REMINDER_NOTIFICATION_TYPES)[number];

/** The User column that switches each kind off. */
export const PREFERENCE_OF = {
  "assignment.assigned": "emailOnAssigned",
  "reminder.due_soon": "remindDueSoon",
  "reminder.overdue": "remindOverdue",
  "reminder.stuck": "remindStuck",
  nudge: "emailOnNudge",
} as const satisfies Record<ReminderNotificationType, string>;

export const isReminderType = (type: string): type is ReminderNotificationType => (REMINDER_NOTIFICATION_TYPES as readonly string[]).includes(type);

/** What a reminder notification carries (Notification.payload). */
export interface ReminderPayload {
  trackTitle?: string;
  /** "hire" or "mentor": whom the notice is for, which changes its sentence. */
  role?: "hire" | "mentor";
  hireName?: string;
  dueDate?: string | null;
  /** Overdue: days past the due day. Stuck: the reason in words. */
  daysLate?: number;
  reason?: string;
  /** Nudge: the sender's message (plain text). */
  message?: string;
}
