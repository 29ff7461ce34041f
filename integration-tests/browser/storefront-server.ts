import { spawn, type ChildProcess } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"

const ROOT = path.resolve(__dirname, "../..")
const TS_NODE = path.join(ROOT, "node_modules/.bin/ts-node")

export type StorefrontServer = { url: string; stop: () => Promise<void> }

function run(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  // Its own process group, so stopping it also stops what it started.
  return spawn(TS_NODE, ["scripts/storefront.ts", ...args], { cwd: ROOT, env, detached: true })
}

/**
 * The example storefront as `npm run storefront -- --build` builds it, served by
 * `--preview` on `port`, talking to the engine at `engineUrl`.
 */
export async function startStorefront(options: {
  port: number
  engineUrl: string
  publishableKey: string
}): Promise<StorefrontServer> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "engine-storefront-"))
  const env = {
    ...process.env,
    ENGINE_URL: options.engineUrl,
    PUBLISHABLE_KEY: options.publishableKey,
    STOREFRONT_PORT: String(options.port),
    STOREFRONT_CACHE_DIR: path.join(outDir, ".cache"),
  }
  const build = run(["--build", "--out-dir", path.join(outDir, "dist")], env)
  let buildOutput = ""
  build.stdout?.on("data", (chunk: Buffer) => (buildOutput += chunk.toString()))
  build.stderr?.on("data", (chunk: Buffer) => (buildOutput += chunk.toString()))
  const code = await new Promise<number | null>((resolve) => build.once("exit", resolve))
  if (code !== 0) {
    throw new Error(`storefront build failed (${code}):\n${buildOutput}`)
  }

  const preview = run(["--preview", "--out-dir", path.join(outDir, "dist")], env)
  let output = ""
  preview.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()))
  preview.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()))
  const url = `http://localhost:${options.port}`
  const deadline = Date.now() + 60_000
  for (;;) {
    const ok = await fetch(url).then(
      (response) => response.ok,
      () => false
    )
    if (ok) break
    if (preview.exitCode !== null || Date.now() > deadline) {
      throw new Error(`storefront preview did not start:\n${output}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  return {
    url,
    stop: async () => {
      if (preview.exitCode === null && preview.pid) {
        const exited = new Promise((resolve) => preview.once("exit", resolve))
        process.kill(-preview.pid, "SIGTERM")
        await exited
      }
      fs.rmSync(outDir, { recursive: true, force: true })
    },
  }
}
