/**
 * CPU time of processes on this machine from /proc (Linux), for benchmarks that run beside
 * the server: the server's processes (a pid and all its descendants, so a cluster's primary
 * brings its forked servers and worker) and one database's PostgreSQL backends. On a shared
 * machine CPU time per operation is steadier than latency.
 */
import { readdirSync, readFileSync } from "node:fs"

const CLOCK_TICKS_PER_SECOND = 100

function statFields(pid: string): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8")
    // Fields after the command name (which may hold spaces), starting with field 3 (state).
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")
  } catch {
    return null // the process ended
  }
}

function processIds(): string[] {
  return readdirSync("/proc").filter((entry) => /^\d+$/.test(entry))
}

/** utime + stime of a process, in clock ticks (fields 14 and 15 of /proc/<pid>/stat). */
function cpuTicksOf(pid: string): number | null {
  const fields = statFields(pid)
  return fields ? Number(fields[11]) + Number(fields[12]) : null
}

/** The given processes and every process below them. */
export function withDescendants(roots: string[]): string[] {
  const children = new Map<string, string[]>()
  for (const pid of processIds()) {
    const parent = statFields(pid)?.[1]
    if (parent) {
      children.set(parent, [...(children.get(parent) ?? []), pid])
    }
  }
  const found = new Set<string>()
  const visit = (pid: string) => {
    if (!found.has(pid)) {
      found.add(pid)
      ;(children.get(pid) ?? []).forEach(visit)
    }
  }
  roots.forEach(visit)
  return [...found]
}

/** The PostgreSQL backends serving one database ("postgres: <user> <database> …"). */
export function backendsOf(database: string): string[] {
  return processIds().filter((pid) => {
    try {
      const title = readFileSync(`/proc/${pid}/cmdline`, "utf8")
      return title.startsWith("postgres:") && title.split(" ").includes(database)
    } catch {
      return false
    }
  })
}

export type CpuSample = Map<string, number>

export function sampleCpu(pids: string[]): CpuSample {
  // A process that ended between listing and reading is left out (not counted as 0, which
  // would make its delta negative).
  return new Map(
    pids.flatMap((pid) => {
      const ticks = cpuTicksOf(pid)
      return ticks === null ? [] : [[pid, ticks] as [string, number]]
    })
  )
}

/** CPU milliseconds spent between two samples (processes that appeared count from 0). */
export function cpuMsBetween(before: CpuSample, after: CpuSample): number {
  let ticks = 0
  for (const [pid, value] of after) {
    ticks += value - (before.get(pid) ?? 0)
  }
  return (ticks * 1000) / CLOCK_TICKS_PER_SECOND
}
