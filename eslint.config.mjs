// Flat config: typescript-eslint (type-aware), React hooks, and Next.js's own rules.
import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

// lib/progress owns an item's state and an assignment's counts (issue 17): assignments, evidence and
// dashboards call it, it calls none of them, so no import cycle runs through it.
const OUTSIDE_PROGRESS = {
  group: ["@/lib/assignments/**", "@/lib/evidence/**", "@/lib/dashboards/**", "../assignments/**", "../evidence/**", "../dashboards/**"],
  message: "lib/progress imports none of assignments, evidence, dashboards: they call it (docs/ARCHITECTURE.md, Progress).",
};
// What only the server can run: the pure progress modules are bundled into client components too.
const SERVER_ONLY = {
  group: ["@/lib/db/**", "@/lib/http/**", "@/lib/observability/**", "@/lib/generated/**", "pg", "server-only", "node:*", "./version-trees", "./progress-states", "./progress-write", "./progress-snapshot"],
  message: "progress-math.ts and node-tree.ts run in the browser: keep database and server code out (version-trees.ts holds the server cache).",
};

export default tseslint.config(
  {
    ignores: [".next/**", "node_modules/**", ".data/**", "lib/generated/**", "next-env.d.ts", "test-results/**", "playwright-report/**"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["app/**", "components/**"],
    plugins: { "react-hooks": reactHooks, "@next/next": nextPlugin },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
    },
  },
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "no-console": ["error", { allow: ["warn", "error"] }],
    },
  },
  {
    files: ["lib/progress/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [OUTSIDE_PROGRESS] }] },
  },
  {
    files: ["lib/progress/progress-math.ts", "lib/progress/node-tree.ts", "lib/progress/count-words.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [OUTSIDE_PROGRESS, SERVER_ONLY] }] },
  },
  {
    // Dashboards read assignments and progress; assignments never import dashboards (no assignments ⇄ dashboards cycle).
    files: ["lib/assignments/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/lib/dashboards/**", "../dashboards/**"], message: "lib/assignments does not import lib/dashboards: counts live in lib/progress." }] }],
    },
  },
  {
    // Components call the API through the endpoint declarations (decision 0037), never a hand-built URL.
    files: ["components/**"],
    ignores: ["**/*.test.ts", "**/*.test.tsx"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "Literal[value=/\\/api\\/v1\\//]", message: "Call the API with callEndpoint(api.<operationId>, …) and link to it with endpointUrl (lib/api/client.ts)." },
        { selector: "TemplateElement[value.raw=/\\/api\\/v1\\//]", message: "Call the API with callEndpoint(api.<operationId>, …) and link to it with endpointUrl (lib/api/client.ts)." },
      ],
    },
  },
  {
    // Command-line entry points talk to a person on a terminal.
    files: ["scripts/**", "prisma/seed.ts", "bench/**", "server.ts"],
    rules: { "no-console": "off" },
  },
  {
    // Tests read loosely typed JSON responses; Playwright fixtures must destructure `{}`.
    files: ["tests/**", "e2e/**", "**/*.test.ts", "**/*.test.tsx"],
    rules: { "@typescript-eslint/no-explicit-any": "off", "no-empty-pattern": "off" },
  },
);
