-- Written by hand (Prisma cannot declare triggers). Every Event row tells the
-- server instances about itself once its transaction commits: NOTIFY is
-- transactional, so a rolled-back change notifies nobody, and notifications
-- arrive in commit order. The payload is small and fixed in size
-- ("<organizationId>:<sequence>:<id>", far under NOTIFY's 8,000 bytes); the
-- instances read the row itself (lib/realtime/event-relay.ts).
CREATE FUNCTION "cairn_event_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('cairn_events', NEW."organizationId" || ':' || NEW."sequence" || ':' || NEW."id");
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Event_notify" AFTER INSERT ON "Event"
  FOR EACH ROW EXECUTE FUNCTION "cairn_event_notify"();
