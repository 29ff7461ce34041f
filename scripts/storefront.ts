/**
 * `npm run storefront [-- --build [--out-dir DIR] | --preview [--out-dir DIR]]`
 *
 * The example storefront (examples/storefront) on http://localhost:8000 — an origin the
 * engine's STORE_CORS allows by default — talking to `npm run dev`'s engine:
 *
 *   ENGINE_URL       the engine (http://localhost:9000)
 *   STOREFRONT_PORT  this server's port (8000); another port must be added to STORE_CORS
 *   PUBLISHABLE_KEY  Medusa's publishable key (`npm run dev` prints it): the account page
 *                    then also shows Medusa's /store profile through @medusajs/js-sdk
 *
 * Vite's configuration is given here rather than in a vite.config file: Vite writes a
 * temporary copy of a config file beside it, and `medusa develop` restarts on new files.
 */
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { ConfigError, describeFailure } from "./lib/config-error"
import { fail, info } from "./lib/log"
import { parsePort } from "./lib/port"

const SCOPE = "storefront"
const ROOT = path.resolve(__dirname, "..")
const APP = path.join(ROOT, "examples/storefront")
const USAGE = "usage: npm run storefront -- [--build | --preview] [--out-dir DIR]"

type Mode = "dev" | "build" | "preview"

function parseArgs(argv: string[]): { mode: Mode; outDir: string } {
  let mode: Mode = "dev"
  let outDir = path.join(APP, "dist")
  for (let index = 0; index < argv.length; index++) {
    const [flag, inline] = argv[index].split(/=(.*)/s, 2)
    if (flag === "--build" || flag === "--preview") {
      mode = flag === "--build" ? "build" : "preview"
    } else if (flag === "--out-dir") {
      const value = inline ?? argv[++index]
      if (!value) {
        throw new ConfigError(`--out-dir needs a value\n${USAGE}`)
      }
      outDir = path.resolve(value)
    } else {
      throw new ConfigError(`unknown option ${argv[index]}\n${USAGE}`)
    }
  }
  return { mode, outDir }
}

function viteConfig(outDir: string, port: number) {
  const engineUrl = process.env.ENGINE_URL || "http://localhost:9000"
  if (!/^https?:\/\/[^/]+/.test(engineUrl)) {
    throw new ConfigError(`ENGINE_URL "${engineUrl}" is not an http(s) URL`)
  }
  return {
    configFile: false as const,
    root: APP,
    logLevel: "info" as const,
    // Pre-bundled dependencies go outside the project, for the same reason as above.
    cacheDir: process.env.STOREFRONT_CACHE_DIR || path.join(os.tmpdir(), "engine-storefront-vite"),
    define: {
      __STOREFRONT_CONFIG__: JSON.stringify({
        engineUrl: engineUrl.replace(/\/+$/, ""),
        publishableKey: process.env.PUBLISHABLE_KEY || "",
      }),
    },
    server: {
      host: "localhost",
      port,
      strictPort: true,
      // node_modules may be a link to a shared install outside the repository.
      fs: { allow: [ROOT, fs.realpathSync(path.join(ROOT, "node_modules"))] },
    },
    preview: { host: "localhost", port, strictPort: true },
    build: { outDir, emptyOutDir: true },
  }
}

async function main(): Promise<void> {
  const { mode, outDir } = parseArgs(process.argv.slice(2))
  const port = parsePort(process.env.STOREFRONT_PORT, "STOREFRONT_PORT", 8000)
  const config = viteConfig(outDir, port)
  // Vite's CommonJS entry (ts-node runs this file as CommonJS) forwards to its ES module.
  process.env.VITE_CJS_IGNORE_WARNING = "true"
  const vite = await import("vite")
  if (mode === "build") {
    await vite.build(config)
    info(SCOPE, `built ${path.relative(ROOT, outDir) || outDir}`)
    return
  }
  const server = mode === "dev" ? await vite.createServer(config) : await vite.preview(config)
  if (mode === "dev") {
    await (server as Awaited<ReturnType<typeof vite.createServer>>).listen()
  }
  info(
    SCOPE,
    `ready: http://localhost:${port}  (engine: ${JSON.parse(config.define.__STOREFRONT_CONFIG__).engineUrl})`
  )
  const stop = () => {
    void server.close().then(() => process.exit(0))
  }
  process.once("SIGINT", stop)
  process.once("SIGTERM", stop)
}

main().catch((error: unknown) => {
  fail(SCOPE, describeFailure(error))
  process.exit(1)
})
