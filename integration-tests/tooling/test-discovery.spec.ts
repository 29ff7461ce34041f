import { execFile } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { promisify } from "node:util"

// `npm test` runs the jest projects of jest.config.js, each with its own testMatch: a spec
// file in a folder no project matches (a new test folder, a typo in a pattern) would never
// run and never fail. This lists what jest runs with every project and compares it with
// the spec files in the repository.
const ROOT = path.resolve(__dirname, "../..")
const JEST = path.join(ROOT, "node_modules/.bin/jest")
const run = promisify(execFile)

/** Folders that hold no tests of ours, or generated copies of them. */
const SKIPPED = new Set(["node_modules", ".git", ".medusa", ".data", "coverage", "dist", "cdk.out"])

/** Spec files run by hand on purpose: measurements that need a quiet machine (docs/PERFORMANCE.md). */
const BY_HAND = /^bench\//

function specFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) {
      return SKIPPED.has(entry.name) ? [] : specFiles(full)
    }
    return /\.spec\.[jt]sx?$/.test(entry.name) ? [path.relative(ROOT, full)] : []
  })
}

describe("test discovery", () => {
  it("runs every spec file of the repository in one of the jest projects", async () => {
    const env = { ...process.env }
    delete env.TEST_TYPE // every project, as `npm test` runs them
    const { stdout } = await run(JEST, ["--listTests", "--json"], { cwd: ROOT, env })
    const listed = new Set(
      (JSON.parse(stdout) as string[]).map((file) => path.relative(ROOT, file))
    )

    const files = specFiles(ROOT)
    expect(files).toEqual(expect.arrayContaining(["integration-tests/security/api1-bola.spec.ts"]))
    const notRun = files.filter((file) => !listed.has(file) && !BY_HAND.test(file))
    expect(notRun).toEqual([])
  }, 60_000)
})
