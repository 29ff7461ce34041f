/**
 * `npm test`: the whole suite in one command.
 *
 * Type check, lint, format check and the layer rules (docs/ARCHITECTURE.md), then every jest project (unit, module, HTTP and
 * tooling tests) in one run so coverage of src/ is combined. The integration tests need
 * PostgreSQL: the one at DB_HOST/DB_PORT when it answers, otherwise an embedded one
 * started here and removed afterwards. Extra arguments go to jest.
 */
import { spawn } from "node:child_process"
import os from "node:os"
import path from "node:path"
import { randomUUID } from "node:crypto"
import { describeFailure } from "./lib/config-error"
import { isReachable } from "./lib/database"
import { startEmbeddedPostgres, type EmbeddedServer } from "./lib/embedded-postgres"
import { fail, info } from "./lib/log"
import { findFreePort } from "./lib/port"
import { assertRedisReachable } from "./lib/redis"

const SCOPE = "test"
const ROOT = path.resolve(__dirname, "..")
const BIN = path.join(ROOT, "node_modules/.bin")

/** `npm run lint:layers`: the import rules and cycles of .dependency-cruiser.cjs. */
const LAYER_CHECK_ARGS = [
  ...["src", "scripts", "integration-tests", "bench", "packages", "examples", "medusa-config.ts"],
  ...["--config", ".dependency-cruiser.cjs", "--output-type", "err"],
]

type Step = { name: string; command: string; args: string[] }

/** A step that failed; its output is already on the terminal. */
class StepFailure extends Error {
  constructor(
    step: string,
    readonly exitCode: number
  ) {
    super(`${step} failed (exit code ${exitCode})`)
  }
}

async function run(step: Step, env: NodeJS.ProcessEnv): Promise<void> {
  info(SCOPE, `${step.name}: ${step.command} ${step.args.join(" ")}`)
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(path.join(BIN, step.command), step.args, {
      cwd: ROOT,
      stdio: "inherit",
      env,
    })
    child.once("error", reject)
    child.once("exit", resolve)
  })
  if (code !== 0) {
    throw new StepFailure(step.name, code ?? 1)
  }
}

/** DB_* settings for @medusajs/test-utils; starts an embedded server when none answers. */
async function testDatabase(env: NodeJS.ProcessEnv): Promise<EmbeddedServer | undefined> {
  // test-utils turns SSL on for hosts other than "localhost" and then hangs.
  env.DB_HOST = env.DB_HOST || "localhost"
  env.DB_PORT = env.DB_PORT || "5432"
  env.DB_USERNAME = env.DB_USERNAME || "postgres"
  env.DB_PASSWORD = env.DB_PASSWORD ?? ""
  const password = env.DB_PASSWORD ? `:${encodeURIComponent(env.DB_PASSWORD)}` : ""
  const url = `postgres://${env.DB_USERNAME}${password}@${env.DB_HOST}:${env.DB_PORT}/postgres`
  if (await isReachable(url)) {
    info(SCOPE, `PostgreSQL at ${env.DB_HOST}:${env.DB_PORT}`)
    return undefined
  }
  const port = await findFreePort()
  const dataDir = path.join(os.tmpdir(), `engine-test-pg-${randomUUID().slice(0, 8)}`)
  info(SCOPE, `no PostgreSQL at ${env.DB_HOST}:${env.DB_PORT}: starting an embedded one on ${port}`)
  const server = await startEmbeddedPostgres({ dataDir, port, persistent: false })
  Object.assign(env, {
    DB_HOST: "localhost",
    DB_PORT: String(port),
    DB_USERNAME: server.user,
    DB_PASSWORD: server.password,
  })
  return server
}

async function main(): Promise<number> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "test",
    // @medusajs/test-utils loads the app's config with a dynamic import().
    NODE_OPTIONS: [process.env.NODE_OPTIONS, "--experimental-vm-modules"].filter(Boolean).join(" "),
  }
  if (env.REDIS_URL) {
    await assertRedisReachable(env.REDIS_URL)
    info(SCOPE, "REDIS_URL set: the HTTP tests use the Redis-backed modules")
  }
  const embedded = await testDatabase(env)
  try {
    await run({ name: "type check", command: "tsc", args: ["--noEmit"] }, env)
    await run({ name: "lint", command: "eslint", args: ["."] }, env)
    await run({ name: "format", command: "prettier", args: ["--check", "."] }, env)
    await run({ name: "layers", command: "depcruise", args: LAYER_CHECK_ARGS }, env)
    await run(
      {
        name: "tests",
        command: "jest",
        args: ["--coverage", "--maxWorkers=2", "--forceExit", ...process.argv.slice(2)],
      },
      env
    )
    return 0
  } finally {
    await embedded?.stop()
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    fail(SCOPE, error instanceof StepFailure ? error.message : describeFailure(error))
    process.exit(error instanceof StepFailure ? error.exitCode : 1)
  }
)
