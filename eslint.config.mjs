// ESLint (flat config): TypeScript's recommended rules, React's hooks rules, Next.js's own rules for
// app code, and the house rules that keep one way of doing a thing (docs/ARCHITECTURE.md, "House rules"). Runs in npm test.
import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import reactHooks from "eslint-plugin-react-hooks";
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";

export default defineConfig(
  { ignores: ["lib/db/generated/**", ".next/**", ".data/**", "node_modules/**", "next-env.d.ts", "test-results/**", "playwright-report/**"] },
  js.configs.recommended,
  tseslint.configs.recommended,
  reactHooks.configs.flat["recommended-latest"],
  { files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"], ...nextPlugin.configs.recommended },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  {
    // Request bodies are read through lib/http/read-body.ts, which enforces the size limit while streaming.
    files: ["app/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.property.name=/^(json|text|formData|arrayBuffer|blob)$/][callee.object.name=/^(request|req)$/]",
          message: "Read request bodies with readJson / readBodyLimited (lib/http/read-body.ts): they stop at the size limit while streaming.",
        },
      ],
    },
  },
  {
    // Postman sandbox scripts run by Newman in the contract run (e2e/api-contract/).
    files: ["e2e/api-contract/*.js"],
    languageOptions: { sourceType: "script", globals: { pm: "readonly" } },
  },
  {
    // CommonJS preloads for Node (bench/support/cpu-profile-preload.cjs).
    files: ["**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: { require: "readonly", module: "writable", process: "readonly", console: "readonly" } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // Tests may use loose types for response bodies.
    files: ["tests/**", "e2e/**", "bench/**"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
);
