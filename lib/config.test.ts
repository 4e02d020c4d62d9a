import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "@/lib/config";

const SECRET = "a-secret-that-is-long-enough-for-next-auth-0123456789";
/** What production requires besides the email settings. */
const PRODUCTION = { NODE_ENV: "production", NEXTAUTH_SECRET: SECRET, NEXTAUTH_URL: "https://cairn.example.com" };

/** Parses and returns the ConfigError; fails the test when the environment is accepted. */
function configError(env: Record<string, string | undefined>): ConfigError {
  try {
    parseConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error(`expected ${JSON.stringify(env)} to be refused`);
}

/** The message's problem lines ("  - NAME: reason"), without the header and footer. */
function problemLines(error: ConfigError): string[] {
  return error.message.split("\n").filter((line) => line.startsWith("  - "));
}

describe("parseConfig defaults", () => {
  it("listens on 127.0.0.1:3000 and uses, migrates and seeds the embedded database when DATABASE_URL is unset", () => {
    const config = parseConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.HOST).toBe("127.0.0.1");
    expect(config.NODE_ENV).toBe("development");
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.useEmbeddedDatabase).toBe(true);
    expect(config.migrateOnStart).toBe(true);
    expect(config.seedDemo).toBe(true);
    expect(config.NEXTAUTH_URL).toBe("http://localhost:3000");
    expect(config.allowedOrigins).toEqual(["http://localhost:3000"]);
    expect(config.logFormat).toBe("pretty");
  });

  it("neither migrates nor seeds a given database unless told to", () => {
    const external = parseConfig({ DATABASE_URL: "postgresql://cairn:pw@db.internal:5432/cairn" });
    expect(external.useEmbeddedDatabase).toBe(false);
    expect(external.migrateOnStart).toBe(false);
    expect(external.seedDemo).toBe(false);

    const told = parseConfig({ DATABASE_URL: "postgres://localhost/cairn", MIGRATE_ON_START: "true", SEED_DEMO: "1" });
    expect(told.useEmbeddedDatabase).toBe(false);
    expect(told.migrateOnStart).toBe(true);
    expect(told.seedDemo).toBe(true);
  });

  it("lets the flags switch migration and seeding off for the embedded database too", () => {
    const config = parseConfig({ MIGRATE_ON_START: "false", SEED_DEMO: "no" });
    expect(config.useEmbeddedDatabase).toBe(true);
    expect(config.migrateOnStart).toBe(false);
    expect(config.seedDemo).toBe(false);
  });

  it("coerces numbers and derives the public URL from PORT", () => {
    const config = parseConfig({ PORT: "8080", HOST: "0.0.0.0", DATABASE_POOL_SIZE: "25" });
    expect(config.PORT).toBe(8080);
    expect(config.HOST).toBe("0.0.0.0");
    expect(config.DATABASE_POOL_SIZE).toBe(25);
    expect(config.NEXTAUTH_URL).toBe("http://localhost:8080");
  });

  it("treats empty strings as unset", () => {
    const config = parseConfig({ PORT: "", HOST: "", DATABASE_URL: "", MIGRATE_ON_START: "", LOG_LEVEL: "", NEXTAUTH_SECRET: "", ALLOWED_ORIGINS: "" });
    expect(config.PORT).toBe(3000);
    expect(config.HOST).toBe("127.0.0.1");
    expect(config.useEmbeddedDatabase).toBe(true);
    expect(config.migrateOnStart).toBe(true);
    expect(config.LOG_LEVEL).toBe("info");
    expect(config.NEXTAUTH_SECRET).toBeUndefined();
    expect(config.allowedOrigins).toEqual(["http://localhost:3000"]);
  });

  it("treats an empty NEXTAUTH_SECRET as missing in production", () => {
    const error = configError({ NODE_ENV: "production", NEXTAUTH_URL: "https://cairn.example.com", NEXTAUTH_SECRET: "", RESEND_API_KEY: "re_123" });
    expect(problemLines(error)).toEqual(["  - NEXTAUTH_SECRET: required in production"]);
  });
});

describe("parseConfig refusals", () => {
  it("names each bad variable on its own line with a reason", () => {
    const error = configError({ PORT: "abc", DATABASE_URL: "mysql://x", LOG_LEVEL: "loud" });
    const lines = problemLines(error);
    expect(lines).toHaveLength(3);
    expect(lines.find((line) => line.includes("PORT:"))).toMatch(/PORT: expected a port number \(got "abc"\)/);
    expect(lines.find((line) => line.includes("DATABASE_URL:"))).toMatch(/DATABASE_URL: expected a postgresql:\/\/ URL/);
    expect(lines.find((line) => line.includes("LOG_LEVEL:"))).toMatch(/LOG_LEVEL: .*"info".*\(got "loud"\)/);
    expect(error.problems).toHaveLength(3);
    expect(error.name).toBe("ConfigError");
    expect(error.message).toMatch(/^Invalid environment configuration:\n/);
    expect(error.message).toMatch(/See \.env\.example/);
  });

  it("explains out-of-range and malformed values", () => {
    const lines = problemLines(configError({ PORT: "70000", DATABASE_POOL_SIZE: "2.5", MIGRATE_ON_START: "maybe", NEXTAUTH_URL: "ftp://cairn.example.com" }));
    expect(lines).toHaveLength(4);
    expect(lines).toContain('  - PORT: expected a port between 1 and 65535 (got "70000")');
    expect(lines).toContain('  - DATABASE_POOL_SIZE: expected a whole number (got "2.5")');
    expect(lines).toContain('  - MIGRATE_ON_START: expected "true" or "false" (got "maybe")');
    expect(lines).toContain('  - NEXTAUTH_URL: expected an http:// or https:// URL (got "ftp://cairn.example.com")');
  });

  it("redacts secrets and database URLs from the message", () => {
    const shortSecret = "hunter2-short";
    const error = configError({ NEXTAUTH_SECRET: shortSecret, DATABASE_URL: "mysql://root:pa55word@db/cairn", RESEND_API_KEY: undefined });
    expect(problemLines(error)).toHaveLength(2);
    expect(error.message).toMatch(/NEXTAUTH_SECRET: expected at least 32 characters/);
    expect(error.message).toContain('"<redacted>"');
    expect(error.message).not.toContain(shortSecret);
    expect(error.message).not.toContain("pa55word");
    expect(JSON.stringify(error.problems)).not.toContain(shortSecret);
  });

  it("requires NEXTAUTH_SECRET, NEXTAUTH_URL and a way to send email in production", () => {
    const lines = problemLines(configError({ NODE_ENV: "production" }));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/NEXTAUTH_SECRET: required in production/);
    expect(lines[1]).toMatch(/NEXTAUTH_URL: required in production/);
    expect(lines[2]).toMatch(/RESEND_API_KEY: required in production to send email; or set EMAIL_TRANSPORT=log/);

    const config = parseConfig({ NODE_ENV: "production", NEXTAUTH_SECRET: SECRET, NEXTAUTH_URL: "https://cairn.example.com", RESEND_API_KEY: "re_123" });
    expect(config.NEXTAUTH_URL).toBe("https://cairn.example.com");
    expect(config.logFormat).toBe("json");
  });

  it("reports the production requirements alongside other bad variables", () => {
    const lines = problemLines(configError({ NODE_ENV: "production", PORT: "abc" }));
    expect(lines.map((line) => line.split(":")[0])).toEqual(["  - PORT", "  - NEXTAUTH_SECRET", "  - NEXTAUTH_URL", "  - RESEND_API_KEY"]);
  });

  it("does not require production settings outside production", () => {
    expect(() => parseConfig({ NODE_ENV: "test" })).not.toThrow();
    expect(() => parseConfig({ NODE_ENV: "development" })).not.toThrow();
    expect(problemLines(configError({ NODE_ENV: "staging" }))).toEqual([expect.stringMatching(/^ {2}- NODE_ENV: .*\(got "staging"\)$/)]);
  });
});

describe("allowedOrigins", () => {
  it("holds NEXTAUTH_URL's origin plus ALLOWED_ORIGINS, deduplicated", () => {
    const config = parseConfig({
      NEXTAUTH_URL: "https://cairn.example.com/some/path",
      ALLOWED_ORIGINS: "https://cairn.example.com, http://localhost:5173 ,http://localhost:5173,,https://admin.example.com",
    });
    expect(config.allowedOrigins).toEqual(["https://cairn.example.com", "http://localhost:5173", "https://admin.example.com"]);
  });

  it("normalizes listed entries to the origin a browser sends", () => {
    const config = parseConfig({ NEXTAUTH_URL: "https://cairn.example.com", ALLOWED_ORIGINS: "https://cairn.example.com/,https://app.example.com:8443/login" });
    expect(config.allowedOrigins).toEqual(["https://cairn.example.com", "https://app.example.com:8443"]);
  });

  it("refuses entries that are not http(s) origins", () => {
    const lines = problemLines(configError({ ALLOWED_ORIGINS: "https://ok.example.com,cairn.example.com" }));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/ALLOWED_ORIGINS: expected comma-separated origins .*"cairn\.example\.com" is not one/);
  });
});

describe("abuse-protection settings", () => {
  it("keeps rate limits in PostgreSQL and trusts no proxy unless told", () => {
    const config = parseConfig({});
    expect(config.REDIS_URL).toBeUndefined();
    expect(config.TRUST_PROXY).toBe(0);
    const told = parseConfig({ REDIS_URL: "redis://127.0.0.1:6379", TRUST_PROXY: "true" });
    expect(told.REDIS_URL).toBe("redis://127.0.0.1:6379");
    expect(told.TRUST_PROXY).toBe(1);
    expect(parseConfig({ TRUST_PROXY: "2" }).TRUST_PROXY).toBe(2);
    expect(parseConfig({ TRUST_PROXY: "false" }).TRUST_PROXY).toBe(0);
  });

  it("refuses a REDIS_URL that is not redis:// without echoing it, and a TRUST_PROXY that is neither a flag nor a hop count", () => {
    expect(problemLines(configError({ TRUST_PROXY: "11" }))).toEqual([expect.stringMatching(/^ {2}- TRUST_PROXY: expected "false", "true" or a number of proxy hops/)]);
    const lines = problemLines(configError({ REDIS_URL: "http://user:hunter2@cache:6379", TRUST_PROXY: "sometimes" }));
    expect(lines).toEqual([expect.stringMatching(/^ {2}- REDIS_URL: expected a redis:\/\/ .*<redacted>/), expect.stringMatching(/^ {2}- TRUST_PROXY: /)]);
    expect(lines.join("\n")).not.toContain("hunter2");
  });
});

describe("email and job settings", () => {
  it("stores emails for the development mailbox when no Resend key is set, and runs the job workers", () => {
    const config = parseConfig({});
    expect(config.emailTransport).toBe("mailbox");
    expect(config.devMailboxEnabled).toBe(true);
    expect(config.JOB_WORKERS_ENABLED).toBe(true);
    expect(config.EMAIL_FROM).toBe("Cairn <onboarding@cairn.localhost>");
  });

  it("sends through Resend with a key, and shows the mailbox only in development", () => {
    const withKey = parseConfig({ RESEND_API_KEY: "re_123" });
    expect(withKey.emailTransport).toBe("resend");
    expect(withKey.devMailboxEnabled).toBe(false);
    const test = parseConfig({ NODE_ENV: "test" });
    expect(test.emailTransport).toBe("mailbox");
    expect(test.devMailboxEnabled).toBe(false);
    const production = parseConfig({ ...PRODUCTION, RESEND_API_KEY: "re_123" });
    expect(production.emailTransport).toBe("resend");
    expect(production.devMailboxEnabled).toBe(false);
  });

  it("lets an instance only enqueue jobs, and refuses a JOB_WORKERS_ENABLED that is not a flag", () => {
    expect(parseConfig({ JOB_WORKERS_ENABLED: "false" }).JOB_WORKERS_ENABLED).toBe(false);
    expect(problemLines(configError({ JOB_WORKERS_ENABLED: "sometimes" }))).toEqual([expect.stringMatching(/^ {2}- JOB_WORKERS_ENABLED: /)]);
  });
});

describe("GitHub sign-in settings", () => {
  it("is off unless both GITHUB_ID and GITHUB_SECRET are set", () => {
    expect(parseConfig({}).githubOAuth).toBeNull();
    expect(parseConfig({ GITHUB_ID: "", GITHUB_SECRET: "" }).githubOAuth).toBeNull();
    expect(parseConfig({ GITHUB_ID: "Iv1.abc", GITHUB_SECRET: "s3cret" }).githubOAuth).toEqual({ clientId: "Iv1.abc", clientSecret: "s3cret" });
  });

  it("refuses one without the other, naming the missing one and never echoing the secret", () => {
    expect(problemLines(configError({ GITHUB_ID: "Iv1.abc" }))).toEqual([expect.stringMatching(/^ {2}- GITHUB_SECRET: .*set both or neither$/)]);
    const lines = problemLines(configError({ GITHUB_SECRET: "s3cret-value" }));
    expect(lines).toEqual([expect.stringMatching(/^ {2}- GITHUB_ID: /)]);
    expect(lines.join("\n")).not.toContain("s3cret-value");
  });
});

describe("upload storage settings", () => {
  const S3 = { S3_BUCKET: "cairn-evidence", S3_ACCESS_KEY_ID: "AKIAEXAMPLE", S3_SECRET_ACCESS_KEY: "s3cret-access-key" };

  it("keeps files under .data/uploads unless told otherwise", () => {
    expect(parseConfig({}).uploadStorage).toEqual({ kind: "local", directory: ".data/uploads" });
    expect(parseConfig({ UPLOADS_DIR: "/var/lib/cairn/uploads" }).uploadStorage).toEqual({ kind: "local", directory: "/var/lib/cairn/uploads" });
  });

  it("uses an S3 bucket when the bucket and both keys are set, with AWS's defaults", () => {
    expect(parseConfig(S3).uploadStorage).toEqual({ kind: "s3", bucket: "cairn-evidence", accessKeyId: "AKIAEXAMPLE", secretAccessKey: "s3cret-access-key", region: "us-east-1", forcePathStyle: false });
  });

  it("reaches a MinIO-like server through S3_ENDPOINT, S3_REGION and S3_FORCE_PATH_STYLE", () => {
    const config = parseConfig({ ...S3, S3_ENDPOINT: "http://127.0.0.1:9000", S3_REGION: "eu-west-3", S3_FORCE_PATH_STYLE: "true" });
    expect(config.uploadStorage).toMatchObject({ kind: "s3", endpoint: "http://127.0.0.1:9000", region: "eu-west-3", forcePathStyle: true });
  });

  it("refuses part of the S3 settings, naming each missing one and never echoing the secret", () => {
    const lines = problemLines(configError({ S3_BUCKET: "cairn-evidence", S3_SECRET_ACCESS_KEY: "s3cret-access-key" }));
    expect(lines).toEqual([expect.stringMatching(/^ {2}- S3_ACCESS_KEY_ID: S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY turn S3 storage on together: set all three or none$/)]);
    expect(problemLines(configError({ S3_ACCESS_KEY_ID: "AKIAEXAMPLE" })).map((line) => line.split(":")[0])).toEqual(["  - S3_BUCKET", "  - S3_SECRET_ACCESS_KEY"]);
    expect(configError({ S3_SECRET_ACCESS_KEY: "s3cret-access-key" }).message).not.toContain("s3cret-access-key");
  });

  it("refuses S3 options without a bucket, where they would silently do nothing", () => {
    const lines = problemLines(configError({ S3_ENDPOINT: "http://127.0.0.1:9000", S3_FORCE_PATH_STYLE: "true" }));
    expect(lines.map((line) => line.split(":")[0])).toEqual(["  - S3_ENDPOINT", "  - S3_FORCE_PATH_STYLE"]);
    expect(lines[0]).toMatch(/only used with S3 storage: also set S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, or unset it/);
  });

  it("refuses malformed S3 values without echoing secrets", () => {
    const lines = problemLines(configError({ ...S3, S3_BUCKET: "Not_A_Bucket", S3_ENDPOINT: "minio:9000", S3_REGION: "EU West", S3_FORCE_PATH_STYLE: "maybe" }));
    expect(lines.map((line) => line.split(":")[0])).toEqual(["  - S3_BUCKET", "  - S3_ENDPOINT", "  - S3_REGION", "  - S3_FORCE_PATH_STYLE"]);
    expect(lines[0]).toMatch(/expected a bucket name/);
  });
});

describe("safe defaults outside development (decision 0019)", () => {
  it("seeds the demo accounts (published password) only in development, or when SEED_DEMO=true says so", () => {
    expect(parseConfig({}).seedDemo).toBe(true);
    // `npm start` without DATABASE_URL: production on the embedded database.
    expect(parseConfig({ ...PRODUCTION, RESEND_API_KEY: "re_123" }).seedDemo).toBe(false);
    expect(parseConfig({ NODE_ENV: "test" }).seedDemo).toBe(false);
    expect(parseConfig({ ...PRODUCTION, RESEND_API_KEY: "re_123", SEED_DEMO: "true" }).seedDemo).toBe(true);
    expect(parseConfig({ ...PRODUCTION, RESEND_API_KEY: "re_123", DATABASE_URL: "postgresql://db/cairn", SEED_DEMO: "true" }).seedDemo).toBe(true);
  });

  it("refuses to start in production without a Resend key unless EMAIL_TRANSPORT=log is chosen", () => {
    expect(problemLines(configError(PRODUCTION))).toEqual([expect.stringMatching(/^ {2}- RESEND_API_KEY: required in production to send email; or set EMAIL_TRANSPORT=log/)]);
    const logged = parseConfig({ ...PRODUCTION, EMAIL_TRANSPORT: "log" });
    expect(logged.emailTransport).toBe("log");
    expect(logged.devMailboxEnabled).toBe(false);
  });

  it("never stores emails in production, even when asked to", () => {
    const lines = problemLines(configError({ ...PRODUCTION, EMAIL_TRANSPORT: "mailbox" }));
    expect(lines).toEqual([expect.stringMatching(/^ {2}- EMAIL_TRANSPORT: the mailbox stores every email with its links in the database: development only/)]);
    expect(problemLines(configError({ ...PRODUCTION, RESEND_API_KEY: "re_123", EMAIL_TRANSPORT: "mailbox" }))).toHaveLength(1);
  });

  it("takes an explicit EMAIL_TRANSPORT, refusing resend without a key and unknown transports", () => {
    expect(parseConfig({ EMAIL_TRANSPORT: "log" }).emailTransport).toBe("log");
    expect(parseConfig({ RESEND_API_KEY: "re_123", EMAIL_TRANSPORT: "mailbox" })).toMatchObject({ emailTransport: "mailbox", devMailboxEnabled: true });
    expect(parseConfig({ ...PRODUCTION, RESEND_API_KEY: "re_123", EMAIL_TRANSPORT: "log" }).emailTransport).toBe("log");
    expect(problemLines(configError({ EMAIL_TRANSPORT: "resend" }))).toEqual(["  - RESEND_API_KEY: required with EMAIL_TRANSPORT=resend"]);
    expect(problemLines(configError({ EMAIL_TRANSPORT: "smtp" }))).toEqual([expect.stringMatching(/^ {2}- EMAIL_TRANSPORT: .*\(got "smtp"\)$/)]);
  });

  it("accepts the browser tests' production settings (SEED_DEMO=true with a Resend key)", () => {
    const e2e = parseConfig({ ...PRODUCTION, SEED_DEMO: "true", RESEND_API_KEY: "re_e2e_test_key", RESEND_BASE_URL: "http://127.0.0.1:4010", DATABASE_URL: "postgresql://db/cairn", MIGRATE_ON_START: "true" });
    expect(e2e).toMatchObject({ seedDemo: true, emailTransport: "resend", devMailboxEnabled: false });
  });
});

describe("HTTP server timeouts", () => {
  it("keeps idle connections above a load balancer's 60 s idle timeout, and the headers timeout above that", () => {
    const config = parseConfig({});
    expect(config.KEEP_ALIVE_TIMEOUT_MS).toBe(65_000);
    expect(config.HEADERS_TIMEOUT_MS).toBe(66_000);
    expect(parseConfig({ KEEP_ALIVE_TIMEOUT_MS: "120000", HEADERS_TIMEOUT_MS: "121000" }).KEEP_ALIVE_TIMEOUT_MS).toBe(120_000);
  });

  it("refuses a headers timeout that is not above the keep-alive timeout", () => {
    expect(problemLines(configError({ KEEP_ALIVE_TIMEOUT_MS: "70000" }))).toEqual([expect.stringMatching(/^ {2}- HEADERS_TIMEOUT_MS: must be greater than KEEP_ALIVE_TIMEOUT_MS/)]);
  });
});

describe("tracing settings", () => {
  it("takes an OTLP/HTTP endpoint and protocol, and refuses what the exporter cannot use", () => {
    expect(parseConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://127.0.0.1:4318", OTEL_EXPORTER_OTLP_PROTOCOL: "http/json" })).toMatchObject({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://127.0.0.1:4318", OTEL_EXPORTER_OTLP_PROTOCOL: "http/json" });
    expect(parseConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: "" }).OTEL_EXPORTER_OTLP_ENDPOINT).toBeUndefined();
    expect(problemLines(configError({ OTEL_EXPORTER_OTLP_ENDPOINT: "collector:4317", OTEL_EXPORTER_OTLP_PROTOCOL: "grpc" }))).toEqual([
      expect.stringMatching(/^ {2}- OTEL_EXPORTER_OTLP_ENDPOINT: /),
      expect.stringMatching(/^ {2}- OTEL_EXPORTER_OTLP_PROTOCOL: /),
    ]);
  });
});

describe("the local trial: `npm start` without DATABASE_URL (decision 0045)", () => {
  it("runs production on this machine with development's demo, mailbox and generated secret", () => {
    const trial = parseConfig({ NODE_ENV: "production", LOCAL_TRIAL: "true" });
    expect(trial).toMatchObject({ localTrial: true, seedDemo: true, migrateOnStart: true, emailTransport: "mailbox", devMailboxEnabled: true, NEXTAUTH_URL: "http://localhost:3000" });
    expect(trial.NEXTAUTH_SECRET).toBeUndefined();
    // A Resend key still sends for real, and then there is no mailbox.
    expect(parseConfig({ NODE_ENV: "production", LOCAL_TRIAL: "true", RESEND_API_KEY: "re_123" })).toMatchObject({ emailTransport: "resend", devMailboxEnabled: false });
    expect(parseConfig({ NODE_ENV: "production", LOCAL_TRIAL: "true", SEED_DEMO: "false" }).seedDemo).toBe(false);
  });

  it("is refused with a database of its own or on an address other machines reach", () => {
    expect(problemLines(configError({ NODE_ENV: "production", LOCAL_TRIAL: "true", DATABASE_URL: "postgresql://db/cairn" })).map((line) => line.split(":")[0])).toEqual([
      "  - LOCAL_TRIAL",
      "  - NEXTAUTH_SECRET",
      "  - NEXTAUTH_URL",
      "  - RESEND_API_KEY",
    ]);
    // server.ts names the embedded database's URL once it started it: still the trial.
    const started = { NODE_ENV: "production", LOCAL_TRIAL: "true", DATABASE_URL: "postgresql://postgres@127.0.0.1:54329/cairn" };
    expect(parseConfig({ ...started, EMBEDDED_DATABASE_URL: started.DATABASE_URL })).toMatchObject({ localTrial: true, devMailboxEnabled: true });
    expect(problemLines(configError({ ...started, EMBEDDED_DATABASE_URL: "postgresql://postgres@127.0.0.1:54329/other" }))[0]).toMatch(/^ {2}- LOCAL_TRIAL: only with the embedded database/);
    const exposed = problemLines(configError({ NODE_ENV: "production", LOCAL_TRIAL: "true", HOST: "0.0.0.0" }));
    expect(exposed[0]).toMatch(/^ {2}- LOCAL_TRIAL: only on this machine: HOST must be 127\.0\.0\.1, localhost or ::1/);
    expect(exposed.map((line) => line.split(":")[0])).toEqual(["  - LOCAL_TRIAL", "  - NEXTAUTH_SECRET", "  - NEXTAUTH_URL", "  - RESEND_API_KEY"]);
  });

  it("changes nothing without the flag: production still requires its settings and seeds nothing", () => {
    expect(problemLines(configError({ NODE_ENV: "production" }))).toHaveLength(3);
    expect(parseConfig({ ...PRODUCTION, RESEND_API_KEY: "re_123" })).toMatchObject({ localTrial: false, seedDemo: false, devMailboxEnabled: false });
    expect(parseConfig({ LOCAL_TRIAL: "true" })).toMatchObject({ localTrial: false, devMailboxEnabled: true });
  });
});
