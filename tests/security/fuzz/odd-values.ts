/** Values a hostile client sends: odd text, junk ids and numbers, forged cursors, dates PostgreSQL cannot hold. */
import fc from "fast-check";

const ODD_TEXT = [
  "",
  " ",
  "\t\r\n",
  "\u0007bell",
  "\u007f",
  "\u001b[31mred",
  "\u2028line\u2029",
  "\u202eevil.txt",
  "e\u0301\u0301\u0301",
  "😀👩‍👩‍👧",
  "\ud800",
  "\udfff\ud800",
  "\uffff\ufffe",
  "' OR 1=1 --",
  '"; DROP TABLE "User"; --',
  "<script>alert(1)</script>",
  "javascript:alert(1)",
  "../../etc/passwd",
  "%00%2F%2e%2e",
  "${jndi:ldap://x}",
  "{{7*7}}",
  "__proto__",
  "constructor",
  "null",
  "undefined",
  "NaN",
  "-0",
  "1e309",
  "0x1F",
  "[]",
  "{}",
] as const;

/** Any string, weighted towards the odd ones. */
export const oddString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...ODD_TEXT) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom("\u0000", "\u0001", "\u001f", "a", "\\", '"', "%", "/", "\u00ad"), maxLength: 20 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 70_000 }).map((length) => "z".repeat(length)) },
);

/** Any JSON value, some deep and some odd. */
export const oddJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, 0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, [], {}, [[[[[]]]]], { "": "" }),
  oddString,
  fc.jsonValue({ maxDepth: 4 }),
);

/** Strings a path segment or id may be instead of an id. */
export const junkId: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("0", "-1", "1.5", "1e3", "0x10", " 1", "99999999999999999999", "c", "C0000000", "cAAAAAA", "nul\u0000", "%00", "..", ".", "a/b", "a%2Fb", "null", "undefined"),
  oddString,
);

/** Version numbers and other integers in a path or query: out of range, not whole, not numbers. */
export const junkNumber: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("0", "-1", "1.5", "1e3", "1e400", "-0", "0x10", " 7", "7 ", "+7", "Infinity", "NaN", "", "9007199254740993", "1000001", "18446744073709551616"),
  fc.integer().map(String),
  fc.double({ noNaN: false }).map(String),
  fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }).map(String),
);

/**
 * Calendar days: some real, some impossible (February 30th), and years PostgreSQL
 * cannot hold (there is no year 0 there) or JavaScript reads otherwise.
 */
export const oddDay: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("0000-01-01", "0000-02-29", "0000-12-31", "0001-01-01", "1969-12-31", "2026-02-29", "2024-02-29", "2026-13-01", "9999-12-31", "+10000-01-01", "-000001-01-01", "2026-1-1", "20260101"),
  fc.date({ min: new Date("0000-01-01T00:00:00Z"), max: new Date("9999-12-31T00:00:00Z"), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
);

/** Instants in cursors: fine, far past, far future, not instants. */
const oddInstant: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom("0000-01-01T00:00:00.000Z", "-271821-04-20T00:00:00.000Z", "+275760-09-13T00:00:00.000Z", "1970-01-01T00:00:00Z", "2026-12-06T10:00:00.000Z", "2026-02-30T00:00:00Z", "1e12", "not a date", "", 0, null, 1e20),
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
);

/** Cursors a client forges: base64url JSON of odd positions (NUL in ids, extreme instants), or not base64 JSON at all. */
const encoded = (value: unknown) => Buffer.from(JSON.stringify(value) ?? "null").toString("base64url");
export const oddCursor: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(oddInstant, fc.oneof(oddString, fc.constantFrom("c\u0000id", "\u0000", "cjld2cjxh0000qzrmn831i7rn"))).map(encoded) },
  { weight: 2, arbitrary: fc.tuple(fc.oneof(oddString, fc.constant(null)), fc.oneof(oddString, fc.constant("id\u0000"))).map(encoded) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }).map(encoded) },
  { weight: 1, arbitrary: oddString },
);

/** Two days for a range: the first odd, the second up to 400 days later (so both can fall in a year PostgreSQL has not). */
export const oddDayRange: fc.Arbitrary<[string, string]> = fc.tuple(fc.oneof(fc.constantFrom("0000-01-01", "0000-12-01"), oddDay), fc.integer({ min: 0, max: 400 })).map(([from, days]) => {
  const start = Date.parse(`${from}T00:00:00Z`);
  return [from, Number.isNaN(start) ? from : new Date(start + days * 86_400_000).toISOString().slice(0, 10)];
});
