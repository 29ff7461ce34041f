/**
 * A CPU profile of a running server over a window of time (`node --inspect=<port>` on the
 * server), for a load that another driver makes (e.g. bench/load-scenario.ts):
 *
 *   BENCH_PROFILE_INSPECTOR=http://127.0.0.1:9230 BENCH_PROFILE_DELAY=40 BENCH_PROFILE_SECONDS=60 \
 *     BENCH_PROFILE_FILE=/tmp/server.cpuprofile npx ts-node --transpile-only bench/profile-window.ts
 *
 * bench/profile-summary.ts then sums the profile's self time by package and by function.
 */
import { setTimeout as sleep } from "node:timers/promises"
import { startInspectorProfile } from "./inspector-profile"

async function main(): Promise<void> {
  const inspector = process.env.BENCH_PROFILE_INSPECTOR ?? "http://127.0.0.1:9230"
  await sleep(Number(process.env.BENCH_PROFILE_DELAY ?? 0) * 1000)
  const profile = await startInspectorProfile(inspector)
  await sleep(Number(process.env.BENCH_PROFILE_SECONDS ?? 60) * 1000)
  const file = process.env.BENCH_PROFILE_FILE ?? "server.cpuprofile"
  await profile.stop(file)
  process.stdout.write(`profile written to ${file}\n`)
}

main().catch((error) => {
  process.stderr.write(`${String(error)}\n`)
  process.exit(1)
})
