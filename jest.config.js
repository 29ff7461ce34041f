// One jest run for every kind of test, so coverage of src/ is combined. Each project is a
// kind; `npm run test:<kind>` picks one with TEST_TYPE.
const { loadEnv } = require("@medusajs/framework/utils")
loadEnv("test", process.cwd())

const transform = {
  "^.+\\.[jt]sx?$": [
    "@swc/jest",
    { jsc: { parser: { syntax: "typescript", tsx: true, decorators: true }, target: "es2021" } },
  ],
}

const base = {
  transform,
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "tsx", "json"],
  modulePathIgnorePatterns: [
    "<rootDir>/dist/",
    "<rootDir>/.medusa/",
    "<rootDir>/.data/",
    "<rootDir>/infra/cdk.out/",
  ],
}

const projects = {
  unit: {
    ...base,
    displayName: "unit",
    testMatch: [
      "<rootDir>/src/**/__tests__/**/*.unit.spec.[jt]s",
      "<rootDir>/scripts/**/__tests__/**/*.unit.spec.[jt]s",
      "<rootDir>/integration-tests/support/**/__tests__/**/*.unit.spec.[jt]s",
    ],
  },
  "integration:modules": {
    ...base,
    displayName: "modules",
    testMatch: ["<rootDir>/src/modules/*/__tests__/**/*.spec.[jt]s"],
    testPathIgnorePatterns: ["\\.unit\\.spec\\.[jt]s$"],
    setupFiles: ["<rootDir>/integration-tests/setup.js"],
  },
  "integration:http": {
    ...base,
    displayName: "http",
    testMatch: [
      "<rootDir>/integration-tests/http/**/*.spec.[jt]s",
      // The OWASP API Top 10 suite, one file per item (docs/SECURITY.md "Security suite").
      "<rootDir>/integration-tests/security/**/*.spec.[jt]s",
    ],
    setupFiles: ["<rootDir>/integration-tests/setup.js"],
    setupFilesAfterEnv: ["<rootDir>/integration-tests/setup-after-env.js"],
  },
  tooling: {
    ...base,
    displayName: "tooling",
    testMatch: [
      "<rootDir>/integration-tests/tooling/**/*.spec.[jt]s",
      // The AWS CDK app synthesized offline, with its assertions and cdk-nag checks.
      "<rootDir>/infra/test/**/*.spec.[jt]s",
    ],
  },
  // The dashboard's extensions in Debian's chromium (playwright-core) against a real server.
  browser: {
    ...base,
    displayName: "browser",
    testMatch: ["<rootDir>/integration-tests/browser/**/*.spec.[jt]s"],
  },
}

const selected = process.env.TEST_TYPE ? [projects[process.env.TEST_TYPE]] : Object.values(projects)
if (selected.includes(undefined)) {
  throw new Error(`TEST_TYPE must be one of: ${Object.keys(projects).join(", ")}`)
}

module.exports = {
  projects: selected,
  // A worker boots a Medusa app per spec file and keeps some of each in memory; past this it
  // is replaced between files instead of growing through the whole run (a worker died in
  // one full run after ~40 spec files; the cause was not pinned down).
  workerIdleMemoryLimit: "2GB",
  coverageProvider: "v8",
  collectCoverageFrom: [
    "<rootDir>/src/**/*.{ts,tsx}",
    "!<rootDir>/src/**/__tests__/**",
    "!<rootDir>/src/**/migrations/**",
    "!<rootDir>/src/admin/**",
  ],
  coverageDirectory: "<rootDir>/coverage",
  coverageReporters: ["text-summary", "text", "lcov"],
}
