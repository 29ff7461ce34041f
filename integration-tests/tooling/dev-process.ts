import { spawn, type ChildProcess } from "node:child_process"
import path from "node:path"

const ROOT = path.resolve(__dirname, "../..")
const TS_NODE = path.join(ROOT, "node_modules/.bin/ts-node")

/** Variables from the outer environment that would change which path the command takes. */
const CONTROLLED = [
  "DATABASE_URL",
  "REDIS_URL",
  "PORT",
  "EMBEDDED_PG_PORT",
  "EMBEDDED_PG_DIR",
  "EMBEDDED_PG_DATABASE",
  "SEED_DEMO_DATA",
  "NODE_ENV",
  "LOG_LEVEL",
  "NODE_OPTIONS",
  "JEST_WORKER_ID",
]

export type DevProcess = {
  child: ChildProcess
  stdout: () => string
  stderr: () => string
  waitForOutput: (pattern: RegExp, timeoutMs: number) => Promise<RegExpMatchArray>
  exited: Promise<number | null>
  stop: () => Promise<number | null>
}

/** Runs `npm run dev`'s script (scripts/dev.ts) with exactly the given settings. */
export function startDev(settings: Record<string, string>): DevProcess {
  const env: NodeJS.ProcessEnv = { ...process.env }
  CONTROLLED.forEach((name) => delete env[name])
  Object.assign(env, settings)

  // Its own process group, so stop() also reaches the server `medusa develop` forks.
  const child = spawn(TS_NODE, ["scripts/dev.ts"], { cwd: ROOT, env, detached: true })
  let out = ""
  let err = ""
  const waiters: Array<() => void> = []
  const notify = () => waiters.forEach((check) => check())
  child.stdout?.on("data", (chunk: Buffer) => {
    out += chunk.toString()
    notify()
  })
  child.stderr?.on("data", (chunk: Buffer) => {
    err += chunk.toString()
    notify()
  })
  const exited = new Promise<number | null>((resolve) => {
    child.once("exit", (code) => {
      notify()
      resolve(code)
    })
  })

  const waitForOutput = (pattern: RegExp, timeoutMs: number) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`no ${pattern} in ${timeoutMs} ms; output:\n${out}\n${err}`))
      }, timeoutMs)
      const check = () => {
        const match = (out + err).match(pattern)
        if (match) {
          clearTimeout(timer)
          resolve(match)
        } else if (child.exitCode !== null) {
          clearTimeout(timer)
          reject(new Error(`dev exited with ${child.exitCode} before ${pattern}:\n${out}\n${err}`))
        }
      }
      waiters.push(check)
      check()
    })

  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      process.kill(-child.pid, "SIGINT")
    }
    return exited
  }

  return { child, stdout: () => out, stderr: () => err, waitForOutput, exited, stop }
}

/** The URL of a database on the test PostgreSQL server (the one `npm test` set up). */
export function testServerUrl(database: string): string {
  const user = process.env.DB_USERNAME || "postgres"
  const password = process.env.DB_PASSWORD ? `:${process.env.DB_PASSWORD}` : ""
  const host = process.env.DB_HOST || "localhost"
  const port = process.env.DB_PORT || "5432"
  return `postgres://${user}${password}@${host}:${port}/${database}`
}
