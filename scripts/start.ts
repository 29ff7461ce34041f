/**
 * `npm start` (and the Docker image's CMD): the production start, compiled by `medusa build`
 * to `.medusa/server/scripts/start.js` and run there with plain `node`.
 *
 * It reads the same environment as medusa-config.ts (`.env.<NODE_ENV>` files included),
 * plans the processes (scripts/lib/start-plan.ts: by default one HTTP server process per
 * core plus one worker-mode process for subscribers, jobs and workflows), refuses to run
 * more than one process without REDIS_URL, then supervises them (scripts/lib/supervisor.ts):
 * each runs `medusa start` with its MEDUSA_WORKER_MODE and port, the servers share the port
 * through Node's cluster module, a process that dies is restarted, and SIGTERM/SIGINT shut
 * them all down gracefully. docs/OPERATIONS.md, "Processes", explains the sizing.
 */
import { availableParallelism } from "node:os"
import { loadEnv } from "@medusajs/framework/utils"
import { applyConnectionUrls } from "../src/config/connection-urls"
import { ConfigError, describeFailure } from "./lib/config-error"
import { secretProblems } from "../src/config/secrets"
import { fail, info } from "./lib/log"
import { planStart } from "./lib/start-plan"
import { supervise } from "./lib/supervisor"

const SCOPE = "start"

function main(): void {
  process.env.NODE_ENV ||= "production"
  loadEnv(process.env.NODE_ENV, process.cwd())
  // As medusa-config.ts does: the plan needs REDIS_URL, which ECS may give in parts.
  applyConnectionUrls(process.env)
  let plan
  try {
    const weak = process.env.NODE_ENV === "production" ? secretProblems(process.env) : []
    if (weak.length) {
      throw new ConfigError(
        `${weak.join("; ")}: set long random values (openssl rand -hex 32) for production`
      )
    }
    plan = planStart(process.env, availableParallelism())
  } catch (error) {
    fail(SCOPE, describeFailure(error))
    process.exit(1)
  }
  info(
    SCOPE,
    plan.execArgv.length ? `${plan.summary}, node ${plan.execArgv.join(" ")}` : plan.summary
  )
  const supervisor = supervise({
    exec: require.resolve("@medusajs/cli/cli.js", { paths: [process.cwd()] }),
    args: ["start", ...process.argv.slice(2)],
    processes: plan.processes,
    execArgv: plan.execArgv,
    log: (message) => info(SCOPE, message),
  })
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.on(signal, () => supervisor.stop(0))
  }
  void supervisor.done.then((code) => process.exit(code))
}

main()
