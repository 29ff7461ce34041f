import { ApiLoader } from "@medusajs/framework/http"
import express from "express"
import { prepareResponsesBeforeMedusa } from "../response-hygiene"

describe("prepareResponsesBeforeMedusa", () => {
  it("keeps each middleware's name on its Express layer, which route lanes find theirs by", () => {
    prepareResponsesBeforeMedusa()
    function engineRouteLanes(_req: unknown, _res: unknown, next: () => void) {
      next()
    }
    // Medusa's ApiLoader traces each middleware, then wraps it (its wrapHandler copies the
    // name) and registers it with app.use: Express names the layer after the function.
    const traced = ApiLoader.traceMiddleware!(engineRouteLanes as never, { route: "/" })
    expect(traced.name).toBe("engineRouteLanes")
    const app = express()
    app.use("/", traced as express.RequestHandler)
    const stack = (app as unknown as { _router: { stack: { name: string }[] } })._router.stack
    expect(stack.map((layer) => layer.name)).toContain("engineRouteLanes")
  })
})
