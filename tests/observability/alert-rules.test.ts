/**
 * ops/prometheus/alerts.yml (the suggested alert rules) parses as a Prometheus rule file,
 * and every metric its expressions name is one a Cairn instance exports (read from a real
 * scrape's metadata, after the scrape-time gauges are registered) or Prometheus's own `up`:
 * a renamed metric cannot leave an alert that silently never fires.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseMetrics, useMetricsServer } from "../support/scrape-metrics";

const metrics = useMetricsServer();

interface Rule {
  alert?: string;
  expr?: unknown;
  for?: unknown;
  labels?: Record<string, unknown>;
  annotations?: Record<string, unknown>;
}

const file = parse(readFileSync("ops/prometheus/alerts.yml", "utf8")) as { groups?: Array<{ name?: unknown; rules?: Rule[] }> };
const rules = (file.groups ?? []).flatMap((group) => group.rules ?? []);

/** Names of metrics in a PromQL expression: identifiers followed by a selector, a range or an operator, minus functions, keywords and label names. */
function metricNamesIn(expr: string): string[] {
  const withoutStrings = expr.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  const withoutMatchers = withoutStrings.replace(/\{[^}]*\}/g, "{}").replace(/\[[^\]]*\]/g, "[]");
  const withoutGrouping = withoutMatchers.replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, "").replace(/\b\d+(\.\d+)?(e[+-]?\d+)?\b/gi, "");
  const identifiers = withoutGrouping.match(/[a-zA-Z_:][a-zA-Z0-9_:]*/g) ?? [];
  const functionsAndKeywords = new Set(["sum", "max", "min", "avg", "count", "rate", "increase", "irate", "changes", "histogram_quantile", "avg_over_time", "max_over_time", "min_over_time", "and", "or", "unless", "by", "without", "offset", "bool"]);
  return [...new Set(identifiers.filter((name) => !functionsAndKeywords.has(name) && !/^\d/.test(name)))];
}

describe("the suggested alert rules", () => {
  it("parse as a rule file: named groups of alerts, each with an expression, a severity and a runbook link", () => {
    expect(file.groups?.length).toBeGreaterThan(0);
    const names = new Set<string>();
    for (const group of file.groups ?? []) {
      expect(typeof group.name).toBe("string");
      for (const rule of group.rules ?? []) {
        expect(rule.alert).toMatch(/^Cairn[A-Za-z]+$/);
        expect(names.has(rule.alert!), `${rule.alert} is defined twice`).toBe(false);
        names.add(rule.alert!);
        expect(typeof rule.expr).toBe("string");
        if (rule.for !== undefined) expect(rule.for).toMatch(/^\d+[smhd]$/);
        expect(["critical", "warning", "info"]).toContain(rule.labels?.severity);
        expect(rule.annotations?.summary).toEqual(expect.any(String));
        expect(rule.annotations?.runbook).toMatch(/^docs\/metrics\.md#[a-z-]+$/);
        // Balanced brackets: a typo there is the commonest broken expression.
        for (const [open, close] of [["(", ")"], ["{", "}"], ["[", "]"]] as const) {
          expect(rule.expr as string, rule.alert).toSatisfy((expr: string) => expr.split(open).length === expr.split(close).length);
        }
      }
    }
    // What the issue asks alerts for.
    for (const alert of ["CairnInstanceDown", "CairnHighErrorRate", "CairnSlowApi", "CairnDatabasePoolExhausted", "CairnEventRelayLagging", "CairnJobQueueBacklog", "CairnJobsDeadLettered", "CairnEmailFailures"]) {
      expect(names).toContain(alert);
    }
  });

  it("name only metrics Cairn exports (or Prometheus's up)", async () => {
    const text = await metrics.text();
    parseMetrics(text);
    const exported = new Set<string>(["up"]);
    for (const [, name, type] of text.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
      exported.add(name!);
      if (type === "histogram") for (const suffix of ["_bucket", "_sum", "_count"]) exported.add(`${name}${suffix}`);
      if (type === "summary") for (const suffix of ["_sum", "_count"]) exported.add(`${name}${suffix}`);
    }
    const named = new Set<string>();
    for (const rule of rules) {
      const names = metricNamesIn(rule.expr as string);
      expect(names.length, `${rule.alert} names no metric`).toBeGreaterThan(0);
      for (const name of names) {
        expect(exported.has(name), `${rule.alert} names ${name}, which Cairn does not export`).toBe(true);
        named.add(name);
      }
    }
    expect(named.size).toBeGreaterThan(10);
  });

  it("the expression reader finds metric names and skips functions, labels and strings", () => {
    expect(metricNamesIn('sum by (le, route) (rate(cairn_x_bucket{route=~"/api/.*", status="5.."}[5m])) / max(cairn_y) > 0.5')).toEqual(["cairn_x_bucket", "cairn_y"]);
  });
});
