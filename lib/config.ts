/**
 * Every environment variable Cairn reads, parsed once with zod.
 * `.env.example` documents each one; keep the two in step.
 * A bad value stops the process at start with a message naming each variable.
 */
import { z } from "zod";

const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no"], { message: 'expected "true" or "false"' })
  .transform((value) => value === "true" || value === "1" || value === "yes");

const port = z.coerce
  .number({ message: "expected a port number" })
  .int("expected a whole number")
  .min(1, "expected a port between 1 and 65535")
  .max(65535, "expected a port between 1 and 65535");

/**
 * How many reverse proxies in front of Cairn append to X-Forwarded-For: "false"/"0" none
 * (the socket's peer is the client), "true" one, or a number of hops up to 10.
 */
const proxyHops = z
  .string()
  .regex(/^(true|false|yes|no|[0-9]|10)$/, 'expected "false", "true" or a number of proxy hops from 0 to 10')
  .transform((value) => (value === "true" || value === "yes" ? 1 : value === "false" || value === "no" ? 0 : Number(value)));

const positiveInt = z.coerce.number({ message: "expected a number" }).int("expected a whole number").positive("expected a positive number");

const postgresUrl = z
  .string()
  .url("expected a URL such as postgresql://user:password@host:5432/cairn")
  .refine((value) => /^postgres(ql)?:\/\//.test(value), "expected a postgresql:// URL");

const redisUrl = z
  .string()
  .url("expected a URL such as redis://127.0.0.1:6379")
  .refine((value) => /^rediss?:\/\//.test(value), "expected a redis:// or rediss:// URL");

const httpUrl = z
  .string()
  .url("expected a URL such as http://localhost:3000")
  .refine((value) => /^https?:\/\//.test(value), "expected an http:// or https:// URL");

// S3's bucket naming rules (MinIO and other compatible servers follow them too).
const bucketName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "expected a bucket name: 3 to 63 lowercase letters, digits, dots or hyphens");

/** S3 storage is on when these are set, and only when all of them are. */
const S3_REQUIRED = ["S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const;
const S3_OPTIONAL = ["S3_ENDPOINT", "S3_REGION", "S3_FORCE_PATH_STYLE"] as const;

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    HOST: z.string().min(1).default("127.0.0.1"),
    PORT: port.default(3000),

    DATABASE_URL: postgresUrl.optional(),
    DATABASE_POOL_SIZE: positiveInt.max(200, "expected at most 200 connections").default(10),
    // Time budgets of the application's database connections (lib/db/connection-budget.ts): past one, the request answers 503.
    DB_CONNECT_TIMEOUT_MS: positiveInt.default(5_000),
    DB_STATEMENT_TIMEOUT_MS: positiveInt.default(5_000),
    DB_LOCK_TIMEOUT_MS: positiveInt.default(2_000),
    MIGRATE_ON_START: booleanFlag.optional(),
    SEED_DEMO: booleanFlag.optional(),
    // Set by `npm start` without DATABASE_URL (scripts/start.ts, decision 0045): a production build tried on this machine.
    LOCAL_TRIAL: booleanFlag.optional(),
    // Set by server.ts beside DATABASE_URL once it started the embedded database: that URL is the embedded one.
    EMBEDDED_DATABASE_URL: z.string().optional(),
    EMBEDDED_POSTGRES_DIR: z.string().min(1).default(".data/postgres"),
    EMBEDDED_POSTGRES_PORT: port.default(54329),

    NEXTAUTH_URL: httpUrl.optional(),
    NEXTAUTH_SECRET: z.string().min(32, "expected at least 32 characters (try: openssl rand -base64 32)").optional(),
    ALLOWED_ORIGINS: z
      .string()
      .optional()
      .transform((value, ctx) => {
        const entries = value ? value.split(",").map((origin) => origin.trim()).filter(Boolean) : [];
        // A browser's Origin header is exactly scheme://host[:port]: normalize each entry to that
        // (so "https://app.example.com/" still matches), and refuse entries that are not http(s) URLs.
        return entries.flatMap((entry) => {
          const origin = URL.canParse(entry) ? new URL(entry) : undefined;
          if (origin && /^https?:$/.test(origin.protocol)) return [origin.origin];
          ctx.addIssue({ code: "custom", message: `expected comma-separated origins such as https://cairn.example.com ("${entry}" is not one)` });
          return [];
        });
      }),

    // GitHub OAuth: sign-in with GitHub is offered exactly when both are set.
    GITHUB_ID: z.string().min(1).optional(),
    GITHUB_SECRET: z.string().min(1).optional(),
    // The GitHub REST API that evidence checks call (decision 0034); the only host they contact.
    GITHUB_API_URL: httpUrl.default("https://api.github.com"),

    // Where rate-limit counters live: Redis when set, else PostgreSQL's rate_limits table.
    REDIS_URL: redisUrl.optional(),
    // Behind reverse proxies, the client's address is the entry that many hops from the right of X-Forwarded-For.
    TRUST_PROXY: proxyHops.default(0),

    RESEND_API_KEY: z.string().min(1).optional(),
    RESEND_BASE_URL: httpUrl.optional(),
    // resend | mailbox (development only) | log; unset: resend with a key, else mailbox outside production.
    EMAIL_TRANSPORT: z.enum(["resend", "mailbox", "log"]).optional(),
    EMAIL_FROM: z.string().min(3).default("Cairn <onboarding@cairn.localhost>"),
    JOB_WORKERS_ENABLED: booleanFlag.default(true),

    // Evidence files: in an S3-compatible bucket when S3_BUCKET and its keys are set, else under UPLOADS_DIR.
    UPLOADS_DIR: z.string().min(1).default(".data/uploads"),
    S3_BUCKET: bucketName.optional(),
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    S3_ENDPOINT: httpUrl.optional(),
    S3_REGION: z.string().regex(/^[a-z0-9-]+$/, "expected a region such as us-east-1").optional(),
    S3_FORCE_PATH_STYLE: booleanFlag.optional(),

    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    LOG_FORMAT: z.enum(["json", "pretty"]).optional(),
    // Traces (decision 0023): the SDK reads these (and the other OTEL_* variables) itself; checked here to fail fast.
    OTEL_EXPORTER_OTLP_ENDPOINT: httpUrl.optional(),
    OTEL_EXPORTER_OTLP_PROTOCOL: z.enum(["http/protobuf", "http/json"]).optional(),
    API_BODY_LIMIT_BYTES: positiveInt.default(1_048_576),
    READINESS_TIMEOUT_MS: positiveInt.default(1000),
    SHUTDOWN_TIMEOUT_MS: positiveInt.default(10_000),
    // Rows the audit export reads per statement (lib/audit/export-audit.ts): memory holds one batch.
    AUDIT_EXPORT_BATCH_SIZE: positiveInt.max(10_000, "expected at most 10000 rows").default(500),
    // An idle kept-alive connection stays open this long: above a load balancer's idle timeout
    // (AWS ALB and most others: 60 s), so the server never closes one the balancer is reusing.
    KEEP_ALIVE_TIMEOUT_MS: positiveInt.default(65_000),
    // Time to receive a request's headers; Node requires it above KEEP_ALIVE_TIMEOUT_MS.
    HEADERS_TIMEOUT_MS: positiveInt.default(66_000),
    // Prometheus metrics (docs/metrics.md): GET /metrics with this bearer token, and/or on METRICS_PORT; neither: off.
    METRICS_TOKEN: z.string().min(16, "expected at least 16 characters (try: openssl rand -hex 32)").optional(),
    METRICS_PORT: port.optional(),
    METRICS_HOST: z.string().min(1).optional(),
    // Outgoing webhooks and Slack (lib/webhooks, decision 0033): private and loopback targets only when true (self-hosting, tests).
    WEBHOOK_ALLOW_PRIVATE: booleanFlag.default(false),
    // A failing endpoint is retried with backoff for WEBHOOK_RETRY_HOURS per delivery, and disabled after failing WEBHOOK_DISABLE_AFTER_DAYS.
    WEBHOOK_RETRY_HOURS: positiveInt.max(168, "expected at most 168 hours").default(24),
    WEBHOOK_DISABLE_AFTER_DAYS: positiveInt.max(90, "expected at most 90 days").default(3),
    // Where Slack incoming-webhook URLs must point (tests: a fake Slack).
    SLACK_API_URL: httpUrl.default("https://hooks.slack.com"),
  })
  .superRefine((env, issue) => {
    if (env.LOCAL_TRIAL && !onEmbeddedDatabase(env)) {
      issue.addIssue({ code: "custom", path: ["LOCAL_TRIAL"], message: "only with the embedded database: unset DATABASE_URL, or unset LOCAL_TRIAL to run in production" });
    }
    if (env.LOCAL_TRIAL && !isLoopbackHostName(env.HOST)) {
      issue.addIssue({ code: "custom", path: ["LOCAL_TRIAL"], message: "only on this machine: HOST must be 127.0.0.1, localhost or ::1 (the trial has demo accounts with a published password)" });
    }
    const trial = isLocalTrial(env);
    if (env.HEADERS_TIMEOUT_MS <= env.KEEP_ALIVE_TIMEOUT_MS) {
      issue.addIssue({ code: "custom", path: ["HEADERS_TIMEOUT_MS"], message: "must be greater than KEEP_ALIVE_TIMEOUT_MS" });
    }
    if (env.NODE_ENV === "production" && !trial && !env.NEXTAUTH_SECRET) {
      issue.addIssue({ code: "custom", path: ["NEXTAUTH_SECRET"], message: "required in production" });
    }
    if (env.METRICS_PORT !== undefined && env.METRICS_PORT === env.PORT) {
      issue.addIssue({ code: "custom", path: ["METRICS_PORT"], message: "must differ from PORT (the metrics server listens on its own port)" });
    }
    if (Boolean(env.GITHUB_ID) !== Boolean(env.GITHUB_SECRET)) {
      const missing = env.GITHUB_ID ? "GITHUB_SECRET" : "GITHUB_ID";
      issue.addIssue({ code: "custom", path: [missing], message: "GITHUB_ID and GITHUB_SECRET turn GitHub sign-in on together: set both or neither" });
    }
    const s3Set = S3_REQUIRED.filter((name) => env[name]);
    if (s3Set.length > 0) {
      for (const name of S3_REQUIRED.filter((name) => !env[name])) {
        issue.addIssue({ code: "custom", path: [name], message: `${S3_REQUIRED.join(", ")} turn S3 storage on together: set all three or none` });
      }
    } else {
      // Without a bucket these would be ignored and uploads would go to the local disk: say so instead.
      for (const name of S3_OPTIONAL.filter((name) => env[name] !== undefined)) {
        issue.addIssue({ code: "custom", path: [name], message: `only used with S3 storage: also set ${S3_REQUIRED.join(", ")}, or unset it` });
      }
    }
    if (env.NODE_ENV === "production" && !trial && !env.NEXTAUTH_URL) {
      issue.addIssue({ code: "custom", path: ["NEXTAUTH_URL"], message: "required in production (the public origin, e.g. https://cairn.example.com)" });
    }
    for (const problem of emailTransportProblems(env, trial)) issue.addIssue({ code: "custom", ...problem });
  }, {
    // Run even when other variables are bad (zod skips refinements after an issue by default),
    // so one message names every problem. Only presence is checked, which holds for raw values too.
    when: (payload) => typeof payload.value === "object" && payload.value !== null,
  })
  .transform((env) => {
    const publicUrl = env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`;
    return {
      ...env,
      NEXTAUTH_URL: publicUrl,
      /** The embedded database is used exactly when no DATABASE_URL is given. */
      useEmbeddedDatabase: !env.DATABASE_URL,
      migrateOnStart: env.MIGRATE_ON_START ?? !env.DATABASE_URL,
      /** `npm start` on this machine without a database: production, with development's demo and mailbox (decision 0045). */
      localTrial: isLocalTrial(env),
      /** The demo accounts share a published password: only in development or a local trial (embedded database) unless SEED_DEMO=true. */
      seedDemo: env.SEED_DEMO ?? ((env.NODE_ENV === "development" || isLocalTrial(env)) && !env.DATABASE_URL),
      logFormat: env.LOG_FORMAT ?? (env.NODE_ENV === "development" ? "pretty" : "json"),
      /** How emails leave (lib/email/deliver-email.ts); emailTransportProblems keeps "mailbox" out of production. */
      emailTransport: emailTransportOf(env),
      /** /dev/mailbox shows the stored emails (with their links): only in development or a local trial, and only to loopback clients (lib/email/mailbox-access.ts). */
      devMailboxEnabled: emailTransportOf(env) === "mailbox" && (env.NODE_ENV === "development" || isLocalTrial(env)),
      /** GitHub OAuth app credentials, when sign-in with GitHub is on. */
      githubOAuth: env.GITHUB_ID && env.GITHUB_SECRET ? { clientId: env.GITHUB_ID, clientSecret: env.GITHUB_SECRET } : null,
      /** Origins allowed to open sockets and send cookies: the public URL's plus any listed. */
      allowedOrigins: [...new Set([new URL(publicUrl).origin, ...env.ALLOWED_ORIGINS])],
      /** Where evidence files are kept (lib/storage). */
      uploadStorage: uploadStorageOf(env),
    };
  });

export type Config = z.output<typeof schema>;

type EmailEnv = { NODE_ENV: string; RESEND_API_KEY?: string; EMAIL_TRANSPORT?: "resend" | "mailbox" | "log" };

/** 127.0.0.1 (any 127.x), localhost or ::1: a server no other machine reaches. */
function isLoopbackHostName(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * A local trial (decision 0045): production asked for by `npm start` with no database given, on a
 * loopback address. Only then may a production server generate its own secret, keep emails for
 * /dev/mailbox and seed the demo: it holds nobody's real data and nobody else can reach it.
 */
function isLocalTrial(env: { NODE_ENV: string; LOCAL_TRIAL?: boolean; DATABASE_URL?: string; EMBEDDED_DATABASE_URL?: string; HOST: string }): boolean {
  return env.NODE_ENV === "production" && env.LOCAL_TRIAL === true && onEmbeddedDatabase(env) && isLoopbackHostName(env.HOST);
}

/** No DATABASE_URL (the embedded database will start), or the one server.ts set after starting it. */
function onEmbeddedDatabase(env: { DATABASE_URL?: string; EMBEDDED_DATABASE_URL?: string }): boolean {
  return !env.DATABASE_URL || env.DATABASE_URL === env.EMBEDDED_DATABASE_URL;
}

/**
 * resend: through Resend. mailbox: stored in EmailMessage for /dev/mailbox, links and all.
 * log: only the metadata is logged (no body, no link). An explicit EMAIL_TRANSPORT wins;
 * unset, a Resend key means resend, and no key means the mailbox outside production.
 */
function emailTransportOf(env: EmailEnv): "resend" | "mailbox" | "log" {
  return env.EMAIL_TRANSPORT ?? (env.RESEND_API_KEY ? "resend" : "mailbox");
}

/** Production never stores emails (they hold sign-in and reset links) and never drops them silently. */
function emailTransportProblems(env: EmailEnv, localTrial: boolean): Array<{ path: string[]; message: string }> {
  const transport = emailTransportOf(env);
  if (transport === "resend" && !env.RESEND_API_KEY) return [{ path: ["RESEND_API_KEY"], message: "required with EMAIL_TRANSPORT=resend" }];
  if (env.NODE_ENV !== "production" || localTrial || transport !== "mailbox") return [];
  if (env.EMAIL_TRANSPORT === "mailbox") {
    return [{ path: ["EMAIL_TRANSPORT"], message: "the mailbox stores every email with its links in the database: development only; use resend, or log (metadata only)" }];
  }
  return [{ path: ["RESEND_API_KEY"], message: "required in production to send email; or set EMAIL_TRANSPORT=log to only log each email's metadata (nothing is sent)" }];
}

export type UploadStorageConfig =
  | { kind: "local"; directory: string }
  | { kind: "s3"; bucket: string; accessKeyId: string; secretAccessKey: string; region: string; endpoint?: string; forcePathStyle: boolean };

function uploadStorageOf(env: {
  UPLOADS_DIR: string;
  S3_BUCKET?: string;
  S3_ACCESS_KEY_ID?: string;
  S3_SECRET_ACCESS_KEY?: string;
  S3_ENDPOINT?: string;
  S3_REGION?: string;
  S3_FORCE_PATH_STYLE?: boolean;
}): UploadStorageConfig {
  if (!env.S3_BUCKET || !env.S3_ACCESS_KEY_ID || !env.S3_SECRET_ACCESS_KEY) return { kind: "local", directory: env.UPLOADS_DIR };
  return {
    kind: "s3",
    bucket: env.S3_BUCKET,
    accessKeyId: env.S3_ACCESS_KEY_ID,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY,
    // Any value works for MinIO-like servers; AWS needs the bucket's own region.
    region: env.S3_REGION ?? "us-east-1",
    ...(env.S3_ENDPOINT ? { endpoint: env.S3_ENDPOINT } : {}),
    forcePathStyle: env.S3_FORCE_PATH_STYLE ?? false,
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment configuration:\n${problems.map((problem) => `  - ${problem}`).join("\n")}\nSee .env.example for every variable and its default.`);
    this.name = "ConfigError";
  }
}

/** Parses an environment. Throws ConfigError naming every bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  // Treat empty strings as unset, as shells and .env files commonly produce them.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ""));
  const result = schema.safeParse(present);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join(".") || "environment";
    const value = present[name];
    const shown = value === undefined ? "" : ` (got ${JSON.stringify(isSecret(name) ? "<redacted>" : value)})`;
    return `${name}: ${issue.message}${shown}`;
  });
  throw new ConfigError(problems);
}

function isSecret(name: string): boolean {
  return /SECRET|KEY|PASSWORD|TOKEN|DATABASE_URL|REDIS_URL/.test(name);
}

const globalForConfig = globalThis as unknown as { __cairnConfig?: Config };

/** The process's configuration, parsed on first use from process.env. */
export function getConfig(): Config {
  globalForConfig.__cairnConfig ??= parseConfig(process.env);
  return globalForConfig.__cairnConfig;
}

/** For tests and the server's start-up, after it changes process.env (e.g. the embedded DATABASE_URL). */
export function resetConfig(): void {
  globalForConfig.__cairnConfig = undefined;
}
