import { ConfigError } from "../config-error"
import { planStart, type PlannedProcess } from "../start-plan"

const REDIS = { REDIS_URL: "redis://localhost:6379" }

function modes(processes: PlannedProcess[]): string[] {
  return processes.map((p) => `${p.mode}:${p.port}`)
}

describe("planStart", () => {
  it("on one machine: a writer on PORT + 2, fronts on the other cores on PORT, one worker on PORT + 1", () => {
    const plan = planStart({ ...REDIS, PORT: "9000" }, 2)
    expect(modes(plan.processes)).toEqual(["server:9000", "server:9002", "worker:9001"])
    expect(plan.summary).toBe(
      "1 × server on port 9000 + 1 × server (writes) on port 9002 + 1 × worker on port 9001 on 2 cores"
    )
    expect(modes(planStart({ ...REDIS }, 4).processes)).toEqual([
      "server:9000",
      "server:9000",
      "server:9000",
      "server:9002",
      "worker:9001",
    ])
    // One core: no writer, one server and the worker.
    expect(modes(planStart({ ...REDIS }, 1).processes)).toEqual(["server:9000", "worker:9001"])
    // CLUSTER_WRITERS=0: every server answers everything, one per core.
    const plain = planStart({ ...REDIS, CLUSTER_WRITERS: "0" }, 2)
    expect(modes(plain.processes)).toEqual(["server:9000", "server:9000", "worker:9001"])
    expect(plain.summary).toBe("2 × server on port 9000 + 1 × worker on port 9001 on 2 cores")
  })

  it("runs the workers at CLUSTER_WORKER_NICE (0 by default: as the servers)", () => {
    const nices = (env: Record<string, string>) =>
      planStart({ ...REDIS, CLUSTER_WRITERS: "0", ...env }, 2).processes.map((p) => p.nice ?? 0)
    expect(nices({})).toEqual([0, 0, 0])
    expect(nices({ CLUSTER_WORKER_NICE: "10" })).toEqual([0, 0, 10])
    expect(planStart({ ...REDIS, CLUSTER_WORKER_NICE: "10" }, 2).summary).toBe(
      "1 × server on port 9000 + 1 × server (writes) on port 9002 + 1 × worker on port 9001 at nice 10 on 2 cores"
    )
    expect(nices({ CLUSTER_WORKER_NICE: "19" })).toEqual([0, 0, 19])
    expect(nices({ CLUSTER_WORKER_NICE: "0" })).toEqual([0, 0, 0])
    // A worker machine of its own has no servers to yield to.
    expect(planStart({ MEDUSA_WORKER_MODE: "worker" }, 2).processes[0].nice).toBeUndefined()
    for (const bad of ["20", "-5", "low"]) {
      expect(() => planStart({ ...REDIS, CLUSTER_WORKER_NICE: bad }, 2)).toThrow(ConfigError)
    }
  })

  it("takes counts and percentages from CLUSTER_SIZE and CLUSTER_WORKERS", () => {
    expect(
      modes(planStart({ ...REDIS, CLUSTER_SIZE: "3", CLUSTER_WORKERS: "2" }, 2).processes)
    ).toEqual([
      "server:9000",
      "server:9000",
      "server:9000",
      "server:9002",
      "worker:9001",
      "worker:9001",
    ])
    // Fronts, the writer and the worker.
    expect(planStart({ ...REDIS, CLUSTER_SIZE: "50%" }, 8).processes).toHaveLength(6)
    expect(planStart({ ...REDIS, CLUSTER_SIZE: "10%" }, 2).processes).toHaveLength(3)
    expect(
      modes(planStart({ ...REDIS, CLUSTER_WORKERS: "1", CLUSTER_WORKER_PORT: "9500" }, 1).processes)
    ).toEqual(["server:9000", "worker:9500"])
  })

  it("without workers the servers run in shared mode and do the background work", () => {
    expect(modes(planStart({ ...REDIS, CLUSTER_WORKERS: "0" }, 2).processes)).toEqual([
      "shared:9000",
      "shared:9000",
    ])
  })

  it("CLUSTER_SIZE=1 CLUSTER_WORKERS=0 is one shared process and needs no Redis", () => {
    const plan = planStart({ CLUSTER_SIZE: "1", CLUSTER_WORKERS: "0", PORT: "9100" }, 2)
    expect(modes(plan.processes)).toEqual(["shared:9100"])
  })

  it("MEDUSA_WORKER_MODE=server: servers only; =worker: one worker unless CLUSTER_SIZE says more", () => {
    expect(modes(planStart({ ...REDIS, MEDUSA_WORKER_MODE: "server" }, 2).processes)).toEqual([
      "server:9000",
      "server:9002",
    ])
    expect(
      modes(
        planStart({ ...REDIS, MEDUSA_WORKER_MODE: "server", CLUSTER_WRITERS: "0" }, 2).processes
      )
    ).toEqual(["server:9000", "server:9000"])
    expect(modes(planStart({ MEDUSA_WORKER_MODE: "worker" }, 4).processes)).toEqual(["worker:9000"])
    expect(
      modes(planStart({ ...REDIS, MEDUSA_WORKER_MODE: "worker", CLUSTER_SIZE: "2" }, 4).processes)
    ).toEqual(["worker:9000", "worker:9000"])
  })

  it("CLUSTER_WRITERS: writer processes on PORT + 2 that the front processes send writes to", () => {
    const plan = planStart({ ...REDIS, CLUSTER_SIZE: "1", CLUSTER_WRITERS: "1" }, 2)
    expect(modes(plan.processes)).toEqual(["server:9000", "server:9002", "worker:9001"])
    expect(plan.processes.map((p) => p.env ?? {})).toEqual([
      { WRITE_LANE_URL: "http://127.0.0.1:9002" },
      {},
      {},
    ])
    expect(plan.processes.map((p) => Boolean(p.writer))).toEqual([false, true, false])
    expect(plan.summary).toBe(
      "1 × server on port 9000 + 1 × server (writes) on port 9002 + 1 × worker on port 9001 on 2 cores"
    )
    // Without workers the writers do background work too, as the fronts do.
    expect(
      modes(
        planStart(
          { ...REDIS, CLUSTER_WORKERS: "0", CLUSTER_WRITERS: "2", CLUSTER_WRITER_PORT: "9700" },
          2
        ).processes
      )
    ).toEqual(["shared:9000", "shared:9700", "shared:9700"])
    // A deployment of servers only.
    const servers = planStart(
      { ...REDIS, MEDUSA_WORKER_MODE: "server", CLUSTER_SIZE: "2", CLUSTER_WRITERS: "1" },
      4
    )
    expect(modes(servers.processes)).toEqual(["server:9000", "server:9000", "server:9002"])
    expect(servers.processes[1].env).toEqual({ WRITE_LANE_URL: "http://127.0.0.1:9002" })
    // None without workers unless asked for: one process stays one process.
    expect(modes(planStart({ ...REDIS, CLUSTER_WORKERS: "0" }, 2).processes)).toEqual([
      "shared:9000",
      "shared:9000",
    ])
  })

  it("refuses writers on a port already taken, and writers of a worker deployment", () => {
    expect(() =>
      planStart({ ...REDIS, CLUSTER_WRITERS: "1", CLUSTER_WRITER_PORT: "9001" }, 2)
    ).toThrow(/CLUSTER_WRITER_PORT \(9001\) must differ/)
    expect(() =>
      planStart({ ...REDIS, CLUSTER_WRITERS: "1", CLUSTER_WRITER_PORT: "9000" }, 2)
    ).toThrow(ConfigError)
    expect(() =>
      planStart({ ...REDIS, MEDUSA_WORKER_MODE: "worker", CLUSTER_WRITERS: "1" }, 2)
    ).toThrow(/CLUSTER_WRITERS is for processes that answer HTTP/)
    expect(() => planStart({ ...REDIS, CLUSTER_WRITERS: "x" }, 2)).toThrow(/CLUSTER_WRITERS="x"/)
    expect(() => planStart({ ...REDIS, PORT: "65535" }, 2)).toThrow(
      /PORT \+ 1 \(65536\) is past 65535: set CLUSTER_WORKER_PORT/
    )
    expect(() => planStart({ ...REDIS, PORT: "65534", CLUSTER_WORKER_PORT: "9001" }, 2)).toThrow(
      /PORT \+ 2 \(65536\) is past 65535: set CLUSTER_WRITER_PORT/
    )
  })

  it("refuses more than one process without REDIS_URL, saying why and what to do", () => {
    expect(() => planStart({}, 2)).toThrow(ConfigError)
    expect(() => planStart({ REDIS_URL: " " }, 2)).toThrow(/needs Redis.*Set REDIS_URL/)
    expect(() => planStart({ CLUSTER_SIZE: "1", CLUSTER_WRITERS: "0" }, 2)).toThrow(
      /1 × server on port 9000 \+ 1 × worker on port 9001\) needs Redis/
    )
    expect(() => planStart({ MEDUSA_WORKER_MODE: "server", CLUSTER_SIZE: "2" }, 2)).toThrow(
      /needs Redis/
    )
  })

  it.each([
    [{ CLUSTER_SIZE: "0" }, /CLUSTER_SIZE="0" is not a process count/],
    [{ CLUSTER_SIZE: "two" }, /CLUSTER_SIZE="two"/],
    [{ CLUSTER_SIZE: "100" }, /CLUSTER_SIZE="100"/],
    [{ CLUSTER_WORKERS: "-1" }, /CLUSTER_WORKERS="-1"/],
    [
      { MEDUSA_WORKER_MODE: "both" },
      /MEDUSA_WORKER_MODE="both" is not one of shared, server, worker/,
    ],
    [
      { MEDUSA_WORKER_MODE: "server", CLUSTER_WORKERS: "1" },
      /CLUSTER_WORKERS is for MEDUSA_WORKER_MODE=shared/,
    ],
    [{ PORT: "9000", CLUSTER_WORKER_PORT: "9000" }, /CLUSTER_WORKER_PORT must differ from PORT/],
    [{ PORT: "http" }, /PORT="http" is not a port number/],
  ])("rejects %j", (env, message) => {
    expect(() => planStart({ ...REDIS, ...env }, 2)).toThrow(message)
  })
})

describe("planStart: Node flags", () => {
  it("sizes the young generation from NODE_SEMI_SPACE_MB (64 MB by default, 0 for Node's own)", () => {
    expect(planStart(REDIS, 2).execArgv).toEqual(["--max-semi-space-size=64"])
    expect(planStart({ ...REDIS, NODE_SEMI_SPACE_MB: "32" }, 2).execArgv).toEqual([
      "--max-semi-space-size=32",
    ])
    expect(planStart({ ...REDIS, NODE_SEMI_SPACE_MB: "0" }, 2).execArgv).toEqual([])
    for (const bad of ["-1", "big", "2048", "1.5"]) {
      expect(() => planStart({ ...REDIS, NODE_SEMI_SPACE_MB: bad }, 2)).toThrow(ConfigError)
    }
  })

  it("leaves the size to NODE_OPTIONS when it sets one", () => {
    const env = { ...REDIS, NODE_OPTIONS: "--max-semi-space-size=8", NODE_SEMI_SPACE_MB: "64" }
    expect(planStart(env, 2).execArgv).toEqual([])
  })
})
