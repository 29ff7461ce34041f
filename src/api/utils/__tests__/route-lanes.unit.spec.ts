import type { AddressInfo } from "node:net"
import type { Server } from "node:http"
import express, { type NextFunction, type Request, type Response } from "express"
import { firstSegmentOf, laneLayers, literalFirstSegment, routeLanes } from "../route-lanes"

/** The middlewares a request ran through, in order (kept on the request by these apps). */
const traces = new WeakMap<Request, string[]>()
const traceOf = (req: Request): string[] => traces.get(req) ?? []

type TestLayer = Parameters<typeof literalFirstSegment>[0]

/** Express's own layer for a path: a route's (whole path) or a middleware's (prefix). */
function layerOf(path: string | RegExp, end: boolean): TestLayer {
  const router = express.Router()
  if (end) {
    router.get(path, () => undefined)
  } else {
    router.use(path, () => undefined)
  }
  return router.stack[0] as unknown as TestLayer
}

/** A middleware that records that it ran. */
function mark(name: string) {
  return (req: Request, _res: Response, next: NextFunction) => {
    traceOf(req).push(name)
    next()
  }
}

function answer(name: string) {
  return (req: Request, res: Response) => {
    res.json({ name, trace: [...traceOf(req), name], params: req.params, route: req.route?.path })
  }
}

/**
 * The same app with or without the lanes: global middlewares, a namespace Medusa owns, a
 * route whose first segment is a parameter, a pattern route, the engine's routes, an
 * error handler. Every answer lists the middlewares that ran.
 */
function shopApp(withLanes: boolean) {
  const app = express()
  app.use((req, _res, next) => {
    traces.set(req, [])
    next()
  })
  app.use(mark("before"))
  // Named as Medusa's cookie-parser and express-session layers are.
  app.use(function cookieParser(req: Request, _res: Response, next: NextFunction) {
    traceOf(req).push("cookie-parser")
    next()
  })
  app.use(function session(req: Request, _res: Response, next: NextFunction) {
    traceOf(req).push("session")
    next()
  })
  if (withLanes) {
    app.use(routeLanes(["products"]) as unknown as express.RequestHandler)
  }
  registerRoutes(app, "product")
  return app
}

/** Everything after the lanes' middleware (registered again by a development reload). */
function registerRoutes(app: express.Express, productName: string) {
  app.use(mark("global"))
  app.use("/admin", mark("admin-namespace"))
  app.get("/admin/products", answer("admin-products"))
  app.get("/:section/about", answer("param-first"))
  app.get(/^\/prod[a-z]*\/pattern$/, answer("pattern"))
  app.get("/products", mark("products-middleware"))
  app.get("/products", answer("products"))
  app.get("/products/search", answer("search"))
  app.get("/products/:id", answer(productName))
  app.post("/products", mark("products-post-middleware"), answer("products-post"))
  app.get("/products/:id/fail", () => {
    throw new Error("boom")
  })
  app.use((error: Error, req: Request, res: Response, _next: NextFunction) => {
    res.status(500).json({ error: error.message, trace: traceOf(req) })
  })
}

async function listen(app: express.Express): Promise<{ server: Server; url: string }> {
  const server = app.listen(0)
  await new Promise((resolve) => server.once("listening", resolve))
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }
}

const REQUESTS: [string, string][] = [
  ["GET", "/products"],
  ["GET", "/PRODUCTS"],
  ["GET", "/products/"],
  ["GET", "/products/search"],
  ["GET", "/products/prod_1"],
  ["GET", "/Products/prod_1"],
  ["GET", "/products/about"],
  ["GET", "/products/pattern"],
  ["GET", "/products/prod_1/fail"],
  ["GET", "/products/prod_1/unknown"],
  ["HEAD", "/products/prod_1"],
  ["POST", "/products"],
  ["DELETE", "/products"],
  ["OPTIONS", "/products"],
  ["GET", "/admin/products"],
  ["GET", "/elsewhere"],
]

describe("route lanes", () => {
  describe("literalFirstSegment", () => {
    it.each([
      ["/products", true, "products"],
      ["/products/:id", true, "products"],
      ["/products/:id?", true, "products"],
      ["/Admin", false, "admin"],
      ["/a.b/c", true, "a.b"],
      ["/products-x/:id", true, "products-x"],
    ])("%s (end %s) starts with %s", (path, end, segment) => {
      expect(literalFirstSegment(layerOf(path, end))).toBe(segment)
    })

    it.each([
      ["/", false],
      ["*", true],
      ["/:id", true],
      ["/products*", true],
      ["/prod:id", true],
    ])("%s may match any first segment", (path, end) => {
      expect(literalFirstSegment(layerOf(path, end))).toBeNull()
    })

    it("treats patterns it cannot read as matching anything", () => {
      expect(literalFirstSegment(layerOf(/^\/products$|other/, true))).toBeNull()
      expect(literalFirstSegment(layerOf(/^\/products(?:\/x)?y/, true))).toBeNull()
      expect(literalFirstSegment(layerOf(/products/, true))).toBeNull()
      // A slash a quantifier makes optional does not end the segment: these match /orders.
      expect(literalFirstSegment(layerOf(/^\/order\/?/, true))).toBeNull()
      expect(literalFirstSegment(layerOf(/^\/order\/*/, true))).toBeNull()
      expect(literalFirstSegment(layerOf(/^\/order\/+x/, true))).toBeNull()
      expect(literalFirstSegment(layerOf(/^\/order\/x/, true))).toBe("order")
    })
  })

  it("keys a path by its lower-cased first segment", () => {
    expect(firstSegmentOf("/Products/prod_1")).toBe("products")
    expect(firstSegmentOf("/products")).toBe("products")
    expect(firstSegmentOf("/")).toBe("")
  })

  it("keeps, in order, every layer that could match the segment", () => {
    const layers = [
      layerOf("/", false),
      layerOf("/admin", false),
      layerOf("/products/:id", true),
      layerOf("/:any/about", true),
      layerOf("/store/products", true),
    ]
    expect(laneLayers(layers, "products")).toEqual([layers[0], layers[2], layers[3]])
  })

  describe("over HTTP", () => {
    let plain: { server: Server; url: string }
    let laned: { server: Server; url: string }
    let lanedApp: express.Express

    beforeAll(async () => {
      plain = await listen(shopApp(false))
      lanedApp = shopApp(true)
      laned = await listen(lanedApp)
    })

    afterAll(() => {
      plain.server.close()
      laned.server.close()
    })

    // With a cookie: the cookie and session layers run on both apps (the next-but-last test
    // is about requests without one).
    async function call(base: string, method: string, path: string) {
      const response = await fetch(`${base}${path}`, { method, headers: { cookie: "a=b" } })
      return {
        status: response.status,
        allow: response.headers.get("allow"),
        body: await response.text(),
      }
    }

    it.each(REQUESTS)("answers %s %s exactly as the full walk does", async (method, path) => {
      const expected = await call(plain.url, method, path)
      expect(await call(laned.url, method, path)).toEqual(expected)
    })

    it("never tests a request of the lane against another namespace's layers", async () => {
      const stack = (lanedApp as unknown as { _router: { stack: TestLayer[] } })._router.stack
      const admin = stack.find((layer) => literalFirstSegment(layer) === "admin")!
      let tested = 0
      const exec = admin.regexp.exec.bind(admin.regexp)
      admin.regexp.exec = (path: string) => {
        tested += 1
        return exec(path)
      }
      await call(laned.url, "GET", "/products/prod_1")
      expect(tested).toBe(0)
      await call(laned.url, "GET", "/elsewhere")
      expect(tested).toBe(1)
    })

    it("cuts the lanes again when the stack is rebuilt with as many layers", async () => {
      // As Medusa's development reload does: the layers after the project's first ones are
      // dropped and registered again, as new layer objects (here the product route edited).
      const app = shopApp(true)
      const served = await listen(app)
      const nameOf = async () =>
        JSON.parse((await call(served.url, "GET", "/products/prod_1")).body).name
      try {
        expect(await nameOf()).toBe("product")
        const stack = (app as unknown as { _router: { stack: { name: string }[] } })._router.stack
        const length = stack.length
        stack.splice(stack.findIndex((layer) => layer.name === "engineRouteLanes") + 1)
        registerRoutes(app, "product, edited")
        expect(stack).toHaveLength(length)
        expect(await nameOf()).toBe("product, edited")
      } finally {
        served.server.close()
      }
    })

    it("skips the cookie and session layers on a lane's requests without cookies only", async () => {
      const traceFor = async (path: string, headers: Record<string, string> = {}) => {
        const response = await fetch(`${laned.url}${path}`, { headers })
        return (JSON.parse(await response.text()) as { trace: string[] }).trace
      }
      const cookieLayers = (trace: string[]) =>
        trace.filter((name) => name === "cookie-parser" || name === "session")
      // The first request of a lane cuts the lanes (and wraps the layers) after they ran.
      await traceFor("/products/prod_1")
      expect(cookieLayers(await traceFor("/products/prod_1"))).toEqual([])
      expect(cookieLayers(await traceFor("/products/prod_1", { cookie: "a=b" }))).toEqual([
        "cookie-parser",
        "session",
      ])
      expect(cookieLayers(await traceFor("/admin/products"))).toEqual(["cookie-parser", "session"])
    })

    it("cuts the lanes again when routes are added", async () => {
      lanedApp.get("/products/:id/late", answer("late"))
      const response = await call(laned.url, "GET", "/products/prod_1/late")
      expect(response.status).toBe(200)
      expect(JSON.parse(response.body).name).toBe("late")
    })
  })
})
