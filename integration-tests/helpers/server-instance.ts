import { spawn } from "node:child_process"
import { createWriteStream } from "node:fs"
import path from "node:path"
import axios, { type AxiosInstance } from "axios"
import { findFreePort } from "../../scripts/lib/port"
import { waitFor } from "./wait"

export type ServerInstance = {
  url: string
  /** An axios client of this instance, like the runner's `api` is of the test's app. */
  api: AxiosInstance
  /** Ends the process and waits for it to exit. */
  stop: () => Promise<void>
}

const BOOT_LIMIT_MS = 120_000
/** The end of the child's stderr kept for the error of a failed boot. */
const STDERR_KEPT = 4000

/**
 * A second app on the test's database and Redis, started like production's HTTP servers
 * (`medusa start` with MEDUSA_WORKER_MODE=server: no subscribers or jobs, those run in
 * the test's app) and with the test's environment, so the same secrets and limits. Only
 * shared state (PostgreSQL, Redis) joins the two: module singletons stay per process.
 * `env` adds to or overrides that environment (the fault suite's shorter database time-outs).
 * A boot that fails or stalls throws with the child's stderr. To see what the instance
 * logs (warnings included), set SERVER_INSTANCE_LOG to a file path.
 */
export async function startServerInstance(
  databaseUrl: string,
  redisUrl: string,
  env: Record<string, string> = {}
): Promise<ServerInstance> {
  const port = await findFreePort()
  const root = path.join(__dirname, "../..")
  const logFile = process.env.SERVER_INSTANCE_LOG
  const child = spawn(
    path.join(root, "node_modules/.bin/medusa"),
    ["start", "--port", String(port)],
    {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: "test",
        DATABASE_URL: databaseUrl,
        REDIS_URL: redisUrl,
        MEDUSA_WORKER_MODE: "server",
        DISABLE_MEDUSA_ADMIN: "true",
        PORT: String(port),
        ...env,
        ...(logFile ? { LOG_LEVEL: "warn" } : {}),
      },
      stdio: ["ignore", logFile ? "pipe" : "ignore", "pipe"],
    }
  )
  if (logFile) {
    const log = createWriteStream(logFile)
    child.stdout?.pipe(log)
    child.stderr?.pipe(log)
  }
  let errors = ""
  child.stderr?.on("data", (chunk: Buffer) => {
    errors = (errors + chunk).slice(-STDERR_KEPT)
  })
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()))
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM")
      await exited
    }
  }
  const url = `http://localhost:${port}`
  try {
    await waitFor(async () => {
      if (child.exitCode !== null) {
        throw new Error(`exited with code ${child.exitCode}`)
      }
      return fetch(`${url}/health`)
        .then((response) => response.ok)
        .catch(() => false)
    }, BOOT_LIMIT_MS)
  } catch (error) {
    await stop()
    throw new Error(
      `the second server instance did not start (${(error as Error).message}); its stderr:\n${errors}`
    )
  }
  return { url, api: axios.create({ baseURL: url }), stop }
}
