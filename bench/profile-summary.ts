/**
 * Sums a V8 CPU profile's self time (a `.cpuprofile`, e.g. from bench/profile-window.ts) by
 * package and by function, in shares of the busy (non-idle) time, and by "entry": the first
 * frame of each sample's stack that is in this project's code (src/), so that the cost of
 * Medusa and library code is charged to the engine code that called it.
 *
 *   npx ts-node --transpile-only bench/profile-summary.ts /tmp/server.cpuprofile [top]
 */
import { readFileSync } from "node:fs"

type Frame = { functionName: string; url: string; lineNumber: number }
type ProfileNode = { id: number; callFrame: Frame; children?: number[] }
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

/** The package a script belongs to: `@scope/name` or `name` under node_modules, else a label. */
export function packageOf(url: string): string {
  const modules = url.lastIndexOf("node_modules/")
  if (modules >= 0) {
    const parts = url.slice(modules + "node_modules/".length).split("/")
    return parts[0].startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0]
  }
  if (url.includes("/src/")) {
    return `engine ${url
      .slice(url.indexOf("/src/") + 1)
      .split("/")
      .slice(0, 3)
      .join("/")}`
  }
  if (url.startsWith("node:") || (!url.includes("/") && url !== "")) {
    return "node internals"
  }
  return url === "" ? "(native/vm)" : url
}

function main(): void {
  const [file, topArg] = process.argv.slice(2)
  const top = Number(topArg ?? 30)
  const profile = JSON.parse(readFileSync(file, "utf8")) as Profile
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const parentOf = new Map<number, number>()
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) {
      parentOf.set(child, node.id)
    }
  }
  const self = new Map<number, number>()
  profile.samples.forEach((id, i) =>
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0))
  )
  const byPackage = new Map<string, number>()
  const byFunction = new Map<string, number>()
  const byEntry = new Map<string, number>()
  let busy = 0
  let idle = 0
  for (const [id, micros] of self) {
    const frame = byId.get(id)!.callFrame
    if (frame.functionName === "(idle)") {
      idle += micros
      continue
    }
    busy += micros
    const label = frame.url ? packageOf(frame.url) : frame.functionName
    byPackage.set(label, (byPackage.get(label) ?? 0) + micros)
    const fn = `${frame.functionName || "(anonymous)"} ${frame.url.split("/").slice(-2).join("/")}:${frame.lineNumber}`
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + micros)
    let entry = "(no engine frame)"
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      const url = byId.get(at)!.callFrame.url
      if (url.includes("/src/") && !url.includes("node_modules")) {
        entry = `${url.slice(url.indexOf("/src/") + 1)} ${byId.get(at)!.callFrame.functionName}`
      }
    }
    byEntry.set(entry, (byEntry.get(entry) ?? 0) + micros)
  }
  const say = (line: string) => process.stdout.write(`${line}\n`)
  const print = (title: string, map: Map<string, number>) => {
    say(`\n${title}`)
    for (const [key, micros] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      say(
        `${((100 * micros) / busy).toFixed(1).padStart(6)} %  ${(micros / 1000).toFixed(0).padStart(7)} ms  ${key}`
      )
    }
  }
  say(`busy ${(busy / 1e6).toFixed(1)} s, idle ${(idle / 1e6).toFixed(1)} s`)
  print("by package", byPackage)
  print("by function", byFunction)
  print("by outermost engine frame", byEntry)
}

main()
