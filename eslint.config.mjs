// Flat config: typescript-eslint (type-aware), React hooks, and Next.js's own rules.
import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

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
