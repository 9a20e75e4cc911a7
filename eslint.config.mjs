import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import { defineConfig, globalIgnores } from "eslint/config";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    "lib/generated/**",
    "next-env.d.ts",
    "test-results/**",
    "playwright-report/**",
    ".bench/**",
  ]),
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  {
    // The layers (README, Layout): pages, the lab and the interview room ask lib/auth and the
    // stores through verbs, and never read a table themselves.
    files: ["app/**/*.{ts,tsx}", "lib/lab/**/*.ts", "lib/interview/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/lib/db", "@/lib/generated/**", "@/lib/sqlite*"],
              message: "Ask a verb of lib/auth (or the store) instead of reading the database.",
            },
          ],
        },
      ],
    },
  },
  {
    // lib/http is plumbing: requests, responses, errors. It knows nothing of auth or the lab.
    files: ["lib/http/**/*.ts"],
    ignores: ["lib/http/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/lib/auth/**", "@/lib/lab/**", "@/lib/interview/**", "@/lib/db"],
              message: "lib/http is plumbing only: take what it needs as a parameter.",
            },
          ],
        },
      ],
    },
  },
  {
    // Playwright fixtures call `use()`, which is not React's hook.
    files: ["e2e/**/*.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
]);
