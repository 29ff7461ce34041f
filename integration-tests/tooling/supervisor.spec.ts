import path from "node:path"
import { findFreePort } from "../../scripts/lib/port"
import type { PlannedProcess } from "../../scripts/lib/start-plan"
import { supervise, type SuperviseOptions, type Supervisor } from "../../scripts/lib/supervisor"

// The cluster primary behind `npm start` (scripts/start.ts), with a stand-in for
// `medusa start` that answers its mode and pid on its port.
jest.setTimeout(30_000)
const FAKE = path.join(__dirname, "fixtures/fake-medusa-start.js")

type Answer = {
  mode: string
  lane: string | null
  pid: number
  nice: number
  args: string[]
  execArgv: string[]
}

async function ask(port: number): Promise<Answer | null> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/`)
    return (await response.json()) as Answer
  } catch {
    return null
  }
}

async function until<T>(probe: () => Promise<T | null | undefined | false>, ms = 10_000) {
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    const value = await probe()
    if (value) {
      return value
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error("timed out waiting")
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

describe("the start supervisor", () => {
  let supervisor: Supervisor | undefined
  const logs: string[] = []
  /** The supervisor over the stand-in, its log kept in `logs`. */
  const superviseFake = (processes: PlannedProcess[], options: Partial<SuperviseOptions> = {}) =>
    supervise({
      exec: FAKE,
      args: ["start"],
      processes,
      log: (message) => logs.push(message),
      ...options,
    })

  afterEach(async () => {
    supervisor?.stop()
    await supervisor?.done
    supervisor = undefined
    logs.length = 0
  })

  it("runs the servers on the shared port, the worker on its own, restarts a dead process in its mode, and stops them all on stop()", async () => {
    const [port, workerPort] = [await findFreePort(), await findFreePort()]
    supervisor = superviseFake(
      [
        { mode: "server", port },
        { mode: "server", port },
        { mode: "worker", port: workerPort, nice: 10 },
      ],
      { restartDelayMs: 100 }
    )
    const current = supervisor
    await until(
      async () => current.pids().every(Boolean) && (await ask(port)) && (await ask(workerPort))
    )

    // Only servers answer on the shop's port (round robin over both), the worker on its own.
    const seen = new Set<number>()
    for (let i = 0; i < 20; i++) {
      const answer = (await ask(port)) as Answer
      expect(answer.mode).toBe("server")
      expect(answer.args).toEqual(["start"])
      expect(answer.nice).toBe(0)
      seen.add(answer.pid)
    }
    expect(seen.size).toBe(2)
    // The worker yields the cores to the servers (its planned nice).
    expect(await ask(workerPort)).toMatchObject({ mode: "worker", nice: 10 })

    // A server killed outright comes back as a server; so does the worker.
    const [firstServer, , worker] = current.pids() as number[]
    process.kill(firstServer, "SIGKILL")
    process.kill(worker, "SIGKILL")
    await until(async () => {
      const [server, , nextWorker] = current.pids()
      return server && server !== firstServer && nextWorker && nextWorker !== worker
    })
    const restarted = current.pids()[0] as number
    await until(async () => {
      for (let i = 0; i < 6; i++) {
        const answer = await ask(port)
        if (answer?.pid === restarted) {
          return answer.mode === "server"
        }
      }
      return false
    })
    expect(await until(() => ask(workerPort))).toMatchObject({ mode: "worker", nice: 10 })
    expect(logs.join("\n")).toMatch(
      /server 1\/3 \(pid \d+\) ended with signal SIGKILL .*restarting it/
    )

    // stop(): every process ends (SIGTERM), and done resolves with the exit code.
    const pids = current.pids() as number[]
    current.stop(0)
    await expect(current.done).resolves.toBe(0)
    expect(pids.filter(alive)).toEqual([])
  })

  it("gives each process its own planned environment (the fronts' write lane)", async () => {
    const [port, writerPort] = [await findFreePort(), await findFreePort()]
    const lane = `http://127.0.0.1:${writerPort}`
    supervisor = superviseFake([
      { mode: "server", port, env: { WRITE_LANE_URL: lane } },
      { mode: "server", port: writerPort, writer: true },
    ])
    expect(await until(() => ask(port))).toMatchObject({ mode: "server", lane })
    expect(await until(() => ask(writerPort))).toMatchObject({ mode: "server", lane: null })
  })

  it("gives every process the planned Node flags (the young generation's size)", async () => {
    const port = await findFreePort()
    supervisor = superviseFake([{ mode: "server", port }], {
      execArgv: ["--max-semi-space-size=32"],
    })
    const answer = (await until(() => ask(port))) as Answer
    expect(answer.execArgv).toContain("--max-semi-space-size=32")
  })

  it("starts the other processes once the first listens, as the first loads Medusa's providers", async () => {
    const [port, workerPort] = [await findFreePort(), await findFreePort()]
    supervisor = superviseFake(
      [
        { mode: "server", port },
        { mode: "worker", port: workerPort },
      ],
      { env: { FAKE_LISTEN_DELAY_MS: "400" } }
    )
    const [server, worker] = (await Promise.all([
      until(() => ask(port)),
      until(() => ask(workerPort)),
    ])) as (Answer & { startedAt: number })[]
    expect(worker.startedAt - server.startedAt).toBeGreaterThanOrEqual(400)
  })

  it("keeps the others waiting while the first dies before it listens", async () => {
    supervisor = superviseFake(
      [
        { mode: "server", port: await findFreePort() },
        { mode: "worker", port: await findFreePort() },
      ],
      { env: { FAKE_CRASH: "1" }, restartDelayMs: 20, maxQuickCrashes: 2 }
    )
    await expect(supervisor.done).resolves.toBe(1)
    expect(logs.filter((line) => line.startsWith("server 1/2"))).toHaveLength(3)
    expect(logs.some((line) => line.startsWith("worker 2/2"))).toBe(false)
  })

  it("gives up on a process that keeps dying young, stopping the others, with exit code 1", async () => {
    const port = await findFreePort()
    supervisor = superviseFake([{ mode: "shared", port }], {
      env: { FAKE_CRASH: "1" },
      restartDelayMs: 20,
      maxQuickCrashes: 3,
    })
    await expect(supervisor.done).resolves.toBe(1)
    expect(logs.filter((line) => line.includes("restarting it"))).toHaveLength(3)
    expect(logs.at(-1)).toMatch(/ended with code 3, 4 times in a row .*giving up/)
  })
})
