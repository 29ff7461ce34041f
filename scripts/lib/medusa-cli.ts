import { spawn, type ChildProcess } from "node:child_process"
import path from "node:path"
import { ConfigError } from "./config-error"

const MEDUSA_BIN = path.resolve(__dirname, "../../node_modules/.bin/medusa")

/**
 * Starts the Medusa CLI with the given arguments, its output passed through. A detached
 * child leads its own process group, so `stopGroup` can reach the server it forks.
 */
export function spawnMedusa(
  args: string[],
  env: NodeJS.ProcessEnv,
  options: { detached?: boolean } = {}
): ChildProcess {
  return spawn(MEDUSA_BIN, args, { stdio: "inherit", env, detached: options.detached ?? false })
}

/**
 * `medusa develop` forks the server and expects the terminal to signal the whole process
 * group; signal the group so no orphaned server keeps the port.
 */
export function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null) {
    return
  }
  try {
    process.kill(-child.pid, signal)
  } catch {
    child.kill(signal)
  }
}

/** True while any process of the group led by `pgid` is still there. */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0)
    return true
  } catch {
    // ESRCH: no process left; EPERM: none of them is ours any more.
    return false
  }
}

/**
 * Waits until every process of a detached child's group has exited: `medusa develop` can
 * exit before the server it forked has finished shutting down (seen still answering for a
 * few seconds). After `timeoutMs` the group is killed.
 */
export async function waitForGroupExit(child: ChildProcess, timeoutMs = 15_000): Promise<void> {
  const pgid = child.pid
  if (pgid === undefined) {
    return
  }
  if (groupAlive(pgid)) {
    // develop may have exited on its own, leaving its server: ask it to shut down too.
    process.kill(-pgid, "SIGINT")
  }
  const deadline = Date.now() + timeoutMs
  while (groupAlive(pgid) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  if (groupAlive(pgid)) {
    try {
      process.kill(-pgid, "SIGKILL")
    } catch {
      // Gone in the meantime.
    }
  }
}

/**
 * A Medusa CLI command ended by a signal (Ctrl-C reaches the whole process group, so the
 * command may end before the parent's own signal handler has run): the caller was
 * interrupted, not misconfigured.
 */
export class MedusaCommandInterrupted extends Error {
  constructor(args: string[], signal: NodeJS.Signals) {
    super(`medusa ${args[0]} was stopped by ${signal}`)
    this.name = "MedusaCommandInterrupted"
  }
}

/**
 * Runs a Medusa CLI command to completion; a ConfigError when it fails, a
 * MedusaCommandInterrupted when a signal ended it. `onSpawn` sees the child (to signal it).
 */
export async function runMedusa(
  args: string[],
  env: NodeJS.ProcessEnv,
  what: string,
  onSpawn?: (child: ChildProcess) => void
): Promise<void> {
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>(
    (resolve, reject) => {
      const child = spawnMedusa(args, env)
      onSpawn?.(child)
      child.once("error", reject)
      child.once("exit", (exitCode, exitSignal) => resolve([exitCode, exitSignal]))
    }
  )
  if (signal) {
    throw new MedusaCommandInterrupted(args, signal)
  }
  if (code !== 0) {
    throw new ConfigError(
      `${what} failed (medusa ${args[0]} exited with ${code}): see the output above`
    )
  }
}
