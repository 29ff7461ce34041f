import { ConfigError } from "./config-error"
import { parsePort } from "./port"

/** Medusa's process modes (MEDUSA_WORKER_MODE): HTTP only, background work only, or both. */
export type ProcessMode = "shared" | "server" | "worker"

/**
 * `nice`: the process's scheduling priority (0–19, higher yields more), for worker-mode
 * processes that share the machine with the servers.
 */
export type PlannedProcess = { mode: ProcessMode; port: number; nice?: number }

export type StartPlan = {
  processes: PlannedProcess[]
  /** Node flags every process gets (NODE_SEMI_SPACE_MB: the young generation's size). */
  execArgv: string[]
  /** One line for the log: what runs, and why. */
  summary: string
}

const MAX_PROCESSES = 64

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
 * - MEDUSA_WORKER_MODE unset or `shared` (one machine): CLUSTER_SIZE server processes
 *   (default: one per core) sharing PORT, plus CLUSTER_WORKERS processes in worker mode
 *   (default 1) for subscribers, scheduled jobs and workflows; the workers answer only
 *   GET /health, on CLUSTER_WORKER_PORT (default PORT + 1) so they never take a share of the
 *   shop's requests. CLUSTER_WORKER_NICE (0 to 19, default 0) lowers their priority, so
 *   background work yields the shared cores to requests (docs/OPERATIONS.md, "Processes"). With CLUSTER_WORKERS=0 the servers run in shared mode and do the
 *   background work themselves. CLUSTER_SIZE=1 CLUSTER_WORKERS=0 is one process, as
 *   `medusa start` alone.
 * - MEDUSA_WORKER_MODE=server (a deployment with separate worker machines or containers):
 *   CLUSTER_SIZE server processes (default one per core), no workers.
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
  let processes: PlannedProcess[]
  if (mode === "shared") {
    const servers = size ?? cores
    const workers = parseCount(env.CLUSTER_WORKERS, "CLUSTER_WORKERS", cores, 0) ?? 1
    const workerPort = parsePort(env.CLUSTER_WORKER_PORT, "CLUSTER_WORKER_PORT", port + 1)
    if (workers > 0 && workerPort === port) {
      throw new ConfigError(
        `CLUSTER_WORKER_PORT must differ from PORT (${port}): workers on the shop's port would answer 404 to a share of its requests`
      )
    }
    const nice = parseNice(env.CLUSTER_WORKER_NICE)
    processes = [
      ...Array.from({ length: servers }, () => ({
        mode: (workers > 0 ? "server" : "shared") as ProcessMode,
        port,
      })),
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
    const count = size ?? (mode === "server" ? cores : 1)
    processes = Array.from({ length: count }, () => ({ mode: mode as ProcessMode, port }))
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
    const key = `${p.mode} on port ${p.port}${p.nice ? ` at nice ${p.nice}` : ""}`
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return [...counts.entries()].map(([key, n]) => `${n} × ${key}`).join(" + ")
}
