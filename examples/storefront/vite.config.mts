import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { defineConfig } from "vite"

/**
 * `npm run storefront`: the example storefront on http://localhost:8000 (a STORE_CORS
 * origin by default), talking to the engine of `npm run dev`.
 *
 *   ENGINE_URL          the engine (http://localhost:9000)
 *   STOREFRONT_PORT     this server's port (8000); another port must be in STORE_CORS
 *   PUBLISHABLE_KEY     Medusa's publishable key (printed by `npm run dev`): enables the
 *                       pages that use Medusa's /store routes through @medusajs/js-sdk
 */
const HERE = path.dirname(fileURLToPath(import.meta.url))
const ROOT = path.resolve(HERE, "../..")

export default defineConfig({
  root: HERE,
  // Pre-bundled dependencies go outside the project: `medusa develop` restarts on new files.
  cacheDir: process.env.STOREFRONT_CACHE_DIR || path.join(os.tmpdir(), "engine-storefront-vite"),
  define: {
    __STOREFRONT_CONFIG__: JSON.stringify({
      engineUrl: process.env.ENGINE_URL || "http://localhost:9000",
      publishableKey: process.env.PUBLISHABLE_KEY || "",
    }),
  },
  server: {
    host: "localhost",
    port: Number(process.env.STOREFRONT_PORT || 8000),
    strictPort: true,
    // node_modules may be a link to a shared install outside the repository.
    fs: { allow: [ROOT, fs.realpathSync(path.join(ROOT, "node_modules"))] },
  },
  preview: { host: "localhost", port: Number(process.env.STOREFRONT_PORT || 8000) },
  build: { outDir: path.join(HERE, "dist"), emptyOutDir: true },
})
