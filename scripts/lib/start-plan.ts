import { ConfigError } from "./config-error"
import { parsePort } from "./port"

/** Medusa's process modes (MEDUSA_WORKER_MODE): HTTP only, background work only, or both. */
export type ProcessMode = "shared" | "server" | "worker"

/**
 * `nice`: the process's scheduling priority (0–19, higher yields more), for worker-mode
 * processes that share the machine with the servers.
 */
export type PlannedProcess = {
  mode: ProcessMode
  port: number
  nice?: number
  /** A server process that answers the writes the others send it (the write lane). */
  writer?: boolean
  /** Environment of this process only (a front's WRITE_LANE_URL). */
  env?: Record<string, string>
}

export type StartPlan = {
  processes: PlannedProcess[]
  /** Node flags every process gets (NODE_SEMI_SPACE_MB: the young generation's size). */
  execArgv: string[]
  /** One line for the log: what runs, and why. */
  summary: string
}

const MAX_PROCESSES = 64
const MAX_PORT = 65_535

/** A count: a whole number, or a percentage of `of` ("50%", at least 1). */
function parseCount(value: string | undefined, name: string, of: number, min: number) {
  if (value === undefined || value.trim() === "") {
    return undefined
  }
  const text = value.trim()
  const percent = text.match(/^(\d{1,3})%$/)
  const count = percent
    ? Math.max(1, Math.floor((of * Number(percent[1])) / 100))
    : /^\d+$/.test(text)
      ? Number(text)
      : NaN
  if (!Number.isInteger(count) || count < min || count > MAX_PROCESSES) {
    throw new ConfigError(
      `${name}="${value}" is not a process count (${min}-${MAX_PROCESSES}, or a percentage of the ${of} cores such as 50%)`
    )
  }
  return count
}

/**
 * What `npm start` runs (scripts/start.ts), from the environment and the number of cores:
 *
 * - MEDUSA_WORKER_MODE unset or `shared` (one machine): CLUSTER_SIZE front server processes
 *   sharing PORT, CLUSTER_WRITERS writer processes, plus CLUSTER_WORKERS processes in worker
 *   mode (default 1) for subscribers, scheduled jobs and workflows; the workers answer only
 *   GET /health, on CLUSTER_WORKER_PORT (default PORT + 1) so they never take a share of the
 *   shop's requests. CLUSTER_WORKER_NICE (0 to 19, default 0) lowers their priority, so
 *   background work yields the shared cores to requests (docs/OPERATIONS.md, "Processes").
 *   With CLUSTER_WORKERS=0 the servers run in shared mode and do the background work
 *   themselves. CLUSTER_SIZE=1 CLUSTER_WORKERS=0 is one process, as `medusa start` alone.
 * - The write lane: CLUSTER_WRITERS server processes (default 1 on two cores or more, 0
 *   with CLUSTER_WORKERS=0) answer the shop's writes on CLUSTER_WRITER_PORT (default
 *   PORT + 2, never published): the fronts on PORT answer reads and send every request that
 *   may change something there (WRITE_LANE_URL; src/api/utils/write-lane.ts), so reads never
 *   wait behind checkouts on one event loop. CLUSTER_SIZE defaults to the cores the writers
 *   leave (at least one).
 * - MEDUSA_WORKER_MODE=server (a deployment with separate worker machines or containers):
 *   front and writer processes as above, no workers.
 * - MEDUSA_WORKER_MODE=worker: CLUSTER_SIZE worker processes (default 1).
 *
 * More than one process shares the event bus, workflow engine, locks, caches, rate limits and
 * token revocations through Redis: without REDIS_URL each process would keep its own, so the
 * plan is refused.
 */
export function planStart(env: NodeJS.ProcessEnv, cores: number): StartPlan {
  const port = parsePort(env.PORT, "PORT", 9000)
  const mode = env.MEDUSA_WORKER_MODE?.trim() || "shared"
  if (!["shared", "server", "worker"].includes(mode)) {
    throw new ConfigError(
      `MEDUSA_WORKER_MODE="${env.MEDUSA_WORKER_MODE}" is not one of shared, server, worker`
    )
  }
  const size = parseCount(env.CLUSTER_SIZE, "CLUSTER_SIZE", cores, 1)
  const explicitWriters = parseCount(env.CLUSTER_WRITERS, "CLUSTER_WRITERS", cores, 0)
  if (explicitWriters && mode === "worker") {
    throw new ConfigError(
      "CLUSTER_WRITERS is for processes that answer HTTP (MEDUSA_WORKER_MODE=shared or server)"
    )
  }
  let processes: PlannedProcess[]
  if (mode === "shared") {
    const workers = parseCount(env.CLUSTER_WORKERS, "CLUSTER_WORKERS", cores, 0) ?? 1
    // Without workers (the servers do the background work; one process with CLUSTER_SIZE=1)
    // there is no writer unless asked for.
    const writers = explicitWriters ?? (workers > 0 ? defaultWriters(cores) : 0)
    const servers = size ?? frontsBeside(writers, cores)
    const workerPort = parsePort(env.CLUSTER_WORKER_PORT, "CLUSTER_WORKER_PORT", port + 1)
    if (workers > 0 && workerPort > MAX_PORT) {
      throw new ConfigError(
        `the workers' port PORT + 1 (${workerPort}) is past ${MAX_PORT}: set CLUSTER_WORKER_PORT`
      )
    }
    if (workers > 0 && workerPort === port) {
      throw new ConfigError(
        `CLUSTER_WORKER_PORT must differ from PORT (${port}): workers on the shop's port would answer 404 to a share of its requests`
      )
    }
    const nice = parseNice(env.CLUSTER_WORKER_NICE)
    const serverMode: ProcessMode = workers > 0 ? "server" : "shared"
    processes = [
      ...serversWithWriters(
        env,
        serverMode,
        servers,
        writers,
        port,
        workers > 0 ? [workerPort] : []
      ),
      ...Array.from({ length: workers }, () => ({
        mode: "worker" as ProcessMode,
        port: workerPort,
        ...(nice ? { nice } : {}),
      })),
    ]
  } else {
    if (env.CLUSTER_WORKERS?.trim()) {
      throw new ConfigError(
        `CLUSTER_WORKERS is for MEDUSA_WORKER_MODE=shared (one machine); with MEDUSA_WORKER_MODE=${mode} set CLUSTER_SIZE`
      )
    }
    if (mode === "server") {
      const writers = explicitWriters ?? defaultWriters(cores)
      const servers = size ?? frontsBeside(writers, cores)
      processes = serversWithWriters(env, "server", servers, writers, port, [])
    } else {
      processes = Array.from({ length: size ?? 1 }, () => ({ mode: mode as ProcessMode, port }))
    }
  }
  if (processes.length > MAX_PROCESSES) {
    throw new ConfigError(`${processes.length} processes is more than ${MAX_PROCESSES}`)
  }
  if (processes.length > 1 && !env.REDIS_URL?.trim()) {
    throw new ConfigError(
      `cluster mode (${describe(processes)}) needs Redis: the processes share the event bus, workflow engine, locks, caches, rate limits and token revocations through it. Set REDIS_URL, or run one process with CLUSTER_SIZE=1 CLUSTER_WORKERS=0`
    )
  }
  return {
    processes,
    execArgv: youngGenerationFlags(env),
    summary: `${describe(processes)} on ${cores} cores`,
  }
}

/**
 * One writer on a machine of two cores or more. In the 1,000-user scenario on two cores,
 * one front and one writer gave a checkout p95 of 284–403 ms (median 332 ms, seven runs)
 * against 362–456 ms (median 422 ms, three of four runs; the fourth 1.6 s) with one server
 * answering everything, the reads as fast; two fronts or two writers (four busy processes
 * on two cores) were worse (docs/PERFORMANCE.md, "The write lane").
 */
function defaultWriters(cores: number): number {
  return cores >= 2 ? 1 : 0
}

/** The default front count: the cores the writers leave, at least one. */
function frontsBeside(writers: number, cores: number): number {
  return Math.max(1, cores - writers)
}

/**
 * `servers` front processes on `port`, then `writers` writer processes on
 * CLUSTER_WRITER_PORT (default `port` + 2), the fronts pointed at them.
 */
function serversWithWriters(
  env: NodeJS.ProcessEnv,
  mode: ProcessMode,
  servers: number,
  writers: number,
  port: number,
  takenPorts: number[]
): PlannedProcess[] {
  if (writers === 0) {
    return Array.from({ length: servers }, () => ({ mode, port }))
  }
  const writerPort = parsePort(env.CLUSTER_WRITER_PORT, "CLUSTER_WRITER_PORT", port + 2)
  if (writerPort > MAX_PORT) {
    throw new ConfigError(
      `the writers' port PORT + 2 (${writerPort}) is past ${MAX_PORT}: set CLUSTER_WRITER_PORT`
    )
  }
  if (writerPort === port || takenPorts.includes(writerPort)) {
    throw new ConfigError(
      `CLUSTER_WRITER_PORT (${writerPort}) must differ from PORT and CLUSTER_WORKER_PORT: the writers answer only what the front processes send them`
    )
  }
  const lane = { WRITE_LANE_URL: `http://127.0.0.1:${writerPort}` }
  return [
    ...Array.from({ length: servers }, () => ({ mode, port, env: lane })),
    ...Array.from({ length: writers }, () => ({ mode, port: writerPort, writer: true })),
  ]
}

/** Semi-space size when NODE_SEMI_SPACE_MB is unset (Node's own is 16 MB on 64-bit). */
export const DEFAULT_SEMI_SPACE_MB = 64

/**
 * NODE_SEMI_SPACE_MB: each semi-space of V8's young generation, in MB (0: Node's default).
 * A request allocates objects that die with it; with 16 MB semi-spaces the 1,000-user
 * scenario's server spent 9.4 % of its CPU in the garbage collector, with 64 MB 7.2 %
 * (fewer scavenges, fewer short-lived objects promoted to the old generation), for up to
 * 3 × 48 MB more memory per process (docs/OPERATIONS.md, "Processes"). A flag already in
 * NODE_OPTIONS wins.
 */
function youngGenerationFlags(env: NodeJS.ProcessEnv): string[] {
  if (env.NODE_OPTIONS?.includes("--max-semi-space-size")) {
    return []
  }
  const value = env.NODE_SEMI_SPACE_MB?.trim()
  const mb = value ? (/^\d+$/.test(value) ? Number(value) : NaN) : DEFAULT_SEMI_SPACE_MB
  if (!Number.isInteger(mb) || mb > 1024) {
    throw new ConfigError(
      `NODE_SEMI_SPACE_MB="${env.NODE_SEMI_SPACE_MB}" is not a size in MB (0-1024)`
    )
  }
  return mb === 0 ? [] : [`--max-semi-space-size=${mb}`]
}

/**
 * CLUSTER_WORKER_NICE: 0 (the default: as the servers) to 19 (yields most). Not on by
 * default: the checkout benchmark showed no gain, and a worker holding a cart or order
 * lock (webhooks, jobs) would hold it longer while the servers keep the cores busy.
 */
function parseNice(value: string | undefined): number {
  if (value === undefined || value.trim() === "") {
    return 0
  }
  const nice = /^\d+$/.test(value.trim()) ? Number(value.trim()) : NaN
  if (!Number.isInteger(nice) || nice > 19) {
    throw new ConfigError(`CLUSTER_WORKER_NICE="${value}" is not a nice value (0-19)`)
  }
  return nice
}

function describe(processes: PlannedProcess[]): string {
  const counts = new Map<string, number>()
  for (const p of processes) {
    const role = p.writer ? `${p.mode} (writes)` : p.mode
    const key = `${role} on port ${p.port}${p.nice ? ` at nice ${p.nice}` : ""}`
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return [...counts.entries()].map(([key, n]) => `${n} × ${key}`).join(" + ")
}
