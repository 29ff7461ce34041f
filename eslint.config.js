// ESLint flat config: typescript-eslint's recommended rules; formatting is Prettier's job.
const js = require("@eslint/js")
const tseslint = require("typescript-eslint")
const globals = require("globals")

module.exports = tseslint.config(
  {
    ignores: [
      "node_modules/",
      ".medusa/",
      ".cache/",
      ".data/",
      "coverage/",
      "dist/",
      "infra/cdk.out/",
      "src/modules/*/migrations/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "no-console": "error",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
    },
  },
  {
    files: ["**/*.js"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["integration-tests/**", "**/__tests__/**"],
    languageOptions: { globals: { ...globals.jest } },
  }
)
