import { execFile } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { promisify } from "node:util"

// The layer rules (.dependency-cruiser.cjs, docs/ARCHITECTURE.md) are only worth having if
// a violation fails the build: each case writes a tiny project with one forbidden import
// and runs the same check `npm test` runs on it.
const ROOT = path.resolve(__dirname, "../..")
const DEPCRUISE = path.join(ROOT, "node_modules/.bin/depcruise")
const CONFIG = path.join(ROOT, ".dependency-cruiser.cjs")
const run = promisify(execFile)

type Check = { ok: boolean; output: string }

async function checkProject(files: Record<string, string>, dirs = ["src"]): Promise<Check> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "layers-"))
  try {
    fs.writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: {} }))
    for (const [file, content] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
      fs.writeFileSync(path.join(dir, file), content)
    }
    const { stdout } = await run(DEPCRUISE, [...dirs, "--config", CONFIG, "--output-type", "err"], {
      cwd: dir,
    })
    return { ok: true, output: stdout }
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string }
    return { ok: false, output: `${failure.stdout ?? ""}${failure.stderr ?? ""}` }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

describe("layer rules", () => {
  it("accept imports that go down the layers", async () => {
    const result = await checkProject({
      "src/utils/money.ts": "export const cents = 100\n",
      "src/queries/order/order-view.ts": 'export { cents } from "../../utils/money"\n',
      "src/workflows/order/place.ts": 'export { cents } from "../../queries/order/order-view"\n',
      "src/api/orders/route.ts": 'export { cents } from "../../workflows/order/place"\n',
    })
    expect(result).toEqual({ ok: true, output: expect.any(String) })
  }, 30_000)

  it("fail a read query that runs a workflow", async () => {
    const result = await checkProject({
      "src/workflows/order/place.ts": "export const place = 1\n",
      "src/queries/order/order-view.ts": 'export { place } from "../../workflows/order/place"\n',
    })
    expect(result.ok).toBe(false)
    expect(result.output).toContain("queries-are-read-only")
  }, 30_000)

  it("fail a workflow that reaches into the HTTP layer", async () => {
    const result = await checkProject({
      "src/api/utils/auth.ts": "export const actor = 1\n",
      "src/workflows/order/place.ts": 'export { actor } from "../../api/utils/auth"\n',
    })
    expect(result.ok).toBe(false)
    expect(result.output).toContain("workflows-below-http")
  }, 30_000)

  it("let a module import its own folder, config and utils, and no other module", async () => {
    const allowed = await checkProject({
      "src/utils/money.ts": "export const cents = 100\n",
      "src/config/shop.ts": 'export { cents } from "../utils/money"\n',
      "src/modules/shop/types.ts": 'export { cents } from "../../config/shop"\n',
      "src/modules/shop/service.ts": 'export { cents } from "./types"\n',
    })
    expect(allowed).toEqual({ ok: true, output: expect.any(String) })

    const crossing = await checkProject({
      "src/modules/shop/service.ts": "export const shop = 1\n",
      "src/modules/review/service.ts": 'export { shop } from "../shop/service"\n',
    })
    expect(crossing.ok).toBe(false)
    expect(crossing.output).toContain("modules-stand-alone")
  }, 30_000)

  it("fail an import cycle", async () => {
    const result = await checkProject({
      "src/utils/a.ts": 'import { b } from "./b"\nexport const a = () => b\n',
      "src/utils/b.ts": 'import { a } from "./a"\nexport const b = () => a\n',
    })
    expect(result.ok).toBe(false)
    expect(result.output).toContain("no-circular")
  }, 30_000)

  it("fail a client or example storefront that imports server code", async () => {
    const files = {
      "src/api/contracts/index.ts": "export const contractRoutes = []\n",
      "packages/client/src/index.ts":
        'export { contractRoutes } from "../../../src/api/contracts"\n',
      "examples/shop/main.ts": "export const shop = 1\n",
    }
    const result = await checkProject(files, ["src", "packages", "examples"])
    expect(result.ok).toBe(false)
    expect(result.output).toContain("client-over-http-only")

    const allowed = await checkProject(
      {
        "src/utils/money.ts": "export const cents = 100\n",
        "packages/client/src/index.ts": "export const client = 1\n",
        "examples/shop/main.ts": 'export { client } from "../../packages/client/src"\n',
      },
      ["src", "packages", "examples"]
    )
    expect(allowed).toEqual({ ok: true, output: expect.any(String) })
  }, 30_000)
})
