/**
 * CPU profile of a running server over the V8 inspector (`node --inspect=<port>` on the
 * server), started and stopped around a measured phase so that preparation traffic is not
 * in it. Used by the benchmark drivers when BENCH_PROFILE_INSPECTOR is set.
 */
import { writeFileSync } from "node:fs"
import WebSocket from "ws"

type Pending = Map<number, (result: unknown) => void>

export type InspectorProfile = { stop: (file: string) => Promise<void> }

async function debuggerUrl(inspector: string): Promise<string> {
  const targets = (await (await fetch(`${inspector}/json/list`)).json()) as {
    webSocketDebuggerUrl: string
  }[]
  if (!targets.length) {
    throw new Error(`no inspector target at ${inspector}`)
  }
  return targets[0].webSocketDebuggerUrl
}

/** Starts the V8 sampling profiler in the process behind `inspector` (http://host:port). */
export async function startInspectorProfile(inspector: string): Promise<InspectorProfile> {
  const socket = new WebSocket(await debuggerUrl(inspector))
  await new Promise((resolve, reject) => socket.once("open", resolve).once("error", reject))
  const pending: Pending = new Map()
  let next = 0
  socket.on("message", (data) => {
    const message = JSON.parse(String(data)) as { id?: number; result?: unknown }
    if (message.id !== undefined) {
      pending.get(message.id)?.(message.result)
      pending.delete(message.id)
    }
  })
  const send = (method: string, params: object = {}) =>
    new Promise<unknown>((resolve, reject) => {
      const id = ++next
      // A closed socket or a silent inspector fails the bench instead of hanging it.
      const timer = setTimeout(() => reject(new Error(`inspector: no answer to ${method}`)), 60_000)
      pending.set(id, (result) => {
        clearTimeout(timer)
        resolve(result)
      })
      socket.send(JSON.stringify({ id, method, params }))
    })
  await send("Profiler.enable")
  await send("Profiler.setSamplingInterval", { interval: 200 })
  await send("Profiler.start")
  return {
    stop: async (file) => {
      const result = (await send("Profiler.stop")) as { profile?: unknown } | undefined
      if (!result?.profile) {
        throw new Error("inspector: Profiler.stop returned no profile")
      }
      writeFileSync(file, JSON.stringify(result.profile))
      socket.close()
    },
  }
}
