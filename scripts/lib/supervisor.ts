import cluster, { type Worker } from "node:cluster"
import { setPriority } from "node:os"
import type { PlannedProcess } from "./start-plan"

/**
 * A small cluster primary for `npm start` (scripts/start.ts): forks one process per planned
 * slot with its MEDUSA_WORKER_MODE and PORT in its environment, restarts a slot whose process
 * dies (after a delay that doubles while it keeps dying young; it gives up after
 * `maxQuickCrashes` and stops everything, so the container's or host's supervisor sees the
 * failure), and on stop() asks every process to shut down gracefully (SIGTERM), killing the
 * ones still running after `shutdownTimeoutMs`.
 *
 * The first process starts alone and the others once it (or, if it died first, a restarted
 * one) listens; if it keeps dying, the supervisor gives up as above. Medusa's
 * modules register their providers in the database while they load, and two processes
 * loading at once against a database that has none yet (a first start, a new payment
 * provider) both insert them, and one of them dies on the duplicate.
 *
 * Why not `medusa start --cluster` (Medusa 2.21.2): its primary tells a process its mode in a
 * message sent on the process's first 'online' event only, so a process forked again after a
 * crash waits for that message forever and never starts; its worker-mode processes listen on
 * the shop's port and answer 404 to their share of the requests; it never forwards SIGTERM
 * to its processes, so a container stop ends in SIGKILL; and it caps the process count at the
 * number of cores (docs/OPERATIONS.md, "Processes").
 */
export type SuperviseOptions = {
  /** The script each process runs (Medusa's CLI) and its arguments (`start`). */
  exec: string
  args: string[]
  processes: PlannedProcess[]
  log: (message: string) => void
  /** Extra environment for every process. */
  env?: Record<string, string>
  /** Node flags for every process, after the primary's own. */
  execArgv?: string[]
  /** A process that dies younger than this counts as a quick crash. */
  quickCrashMs?: number
  maxQuickCrashes?: number
  /** Delay before the first restart of a slot; doubled per quick crash, at most 30 s. */
  restartDelayMs?: number
  shutdownTimeoutMs?: number
}

export type Supervisor = {
  /** Resolves with the exit code once every process has ended after stop() or giving up. */
  done: Promise<number>
  stop: (exitCode?: number) => void
  /** The live processes' pids by slot (undefined while a slot waits to restart). */
  pids: () => (number | undefined)[]
}

type Slot = {
  index: number
  plan: PlannedProcess
  worker?: Worker
  startedAt: number
  quickCrashes: number
  restartTimer?: NodeJS.Timeout
}

const MAX_RESTART_DELAY_MS = 30_000

export function supervise(options: SuperviseOptions): Supervisor {
  const quickCrashMs = options.quickCrashMs ?? 60_000
  const maxQuickCrashes = options.maxQuickCrashes ?? 5
  const restartDelayMs = options.restartDelayMs ?? 1_000
  const shutdownTimeoutMs = options.shutdownTimeoutMs ?? 30_000
  cluster.setupPrimary({
    exec: options.exec,
    args: options.args,
    execArgv: [...process.execArgv, ...(options.execArgv ?? [])],
  })

  let stopping = false
  let exitCode = 0
  let resolveDone: (code: number) => void = () => undefined
  const done = new Promise<number>((resolve) => (resolveDone = resolve))
  const slots: Slot[] = options.processes.map((plan, index) => ({
    index,
    plan,
    startedAt: 0,
    quickCrashes: 0,
  }))
  const name = (slot: Slot) => `${slot.plan.mode} ${slot.index + 1}/${slots.length}`
  const live = () => slots.filter((slot) => slot.worker)

  const finishIfIdle = () => {
    if (stopping && !live().length) {
      resolveDone(exitCode)
    }
  }

  let othersStarted = false
  const startOthers = () => {
    if (!othersStarted && !stopping) {
      othersStarted = true
      slots.slice(1).forEach(start)
    }
  }

  const start = (slot: Slot) => {
    slot.restartTimer = undefined
    const worker = cluster.fork({
      ...options.env,
      ...slot.plan.env,
      MEDUSA_WORKER_MODE: slot.plan.mode,
      PORT: String(slot.plan.port),
      // As Medusa's own cluster mode: only the first process refreshes the admin's cache.
      ...(slot.index > 0 ? { PLUGIN_ADMIN_UI_SKIP_CACHE: "true" } : {}),
    })
    slot.worker = worker
    slot.startedAt = Date.now()
    if (slot.plan.nice && worker.process.pid) {
      try {
        setPriority(worker.process.pid, slot.plan.nice)
      } catch (error) {
        options.log(`${name(slot)}: could not set nice ${slot.plan.nice} (${String(error)})`)
      }
    }
    if (slot.index === 0) {
      worker.once("listening", startOthers)
    }
    worker.on("exit", (code, signal) => {
      slot.worker = undefined
      if (stopping) {
        finishIfIdle()
        return
      }
      const lived = Date.now() - slot.startedAt
      slot.quickCrashes = lived < quickCrashMs ? slot.quickCrashes + 1 : 1
      const how = signal ? `signal ${signal}` : `code ${code}`
      if (slot.quickCrashes > maxQuickCrashes) {
        options.log(
          `${name(slot)} (pid ${worker.process.pid}) ended with ${how}, ${slot.quickCrashes} times in a row within ${quickCrashMs / 1000} s of starting: giving up, stopping the others`
        )
        stop(1)
        return
      }
      const delay = Math.min(MAX_RESTART_DELAY_MS, restartDelayMs * 2 ** (slot.quickCrashes - 1))
      options.log(
        `${name(slot)} (pid ${worker.process.pid}) ended with ${how} after ${Math.round(lived / 1000)} s: restarting it in ${delay / 1000} s`
      )
      slot.restartTimer = setTimeout(() => start(slot), delay)
    })
  }

  const stop = (code = 0) => {
    if (stopping) {
      return
    }
    stopping = true
    exitCode = code
    for (const slot of slots) {
      clearTimeout(slot.restartTimer)
    }
    const running = live()
    if (running.length) {
      options.log(`stopping ${running.length} process(es)`)
    }
    for (const slot of running) {
      slot.worker?.process.kill("SIGTERM")
    }
    setTimeout(() => {
      for (const slot of live()) {
        options.log(`${name(slot)} still running after ${shutdownTimeoutMs / 1000} s: killing it`)
        slot.worker?.process.kill("SIGKILL")
      }
    }, shutdownTimeoutMs).unref()
    finishIfIdle()
  }

  if (slots.length) {
    start(slots[0])
  }
  return { done, stop, pids: () => slots.map((slot) => slot.worker?.process.pid) }
}
