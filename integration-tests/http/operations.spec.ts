import fs from "node:fs"
import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type Redis from "ioredis"
import { PLATFORM_MODULE } from "../../src/modules/platform"
import type PlatformModuleService from "../../src/modules/platform/service"
import { TcpProxy, useTestRedis } from "../helpers"

// The app reaches Redis through a relay this spec can cut, to see /ready notice an outage
// and recover from it without a restart.
const redisTarget = new URL(useTestRedis())
const relay = new TcpProxy({ host: redisTarget.hostname, port: Number(redisTarget.port || 6379) })
const METRICS_TOKEN = "metrics-token-for-tests"
process.env.METRICS_TOKEN = METRICS_TOKEN

beforeAll(async () => {
  const port = await relay.start()
  process.env.REDIS_URL = `redis://127.0.0.1:${port}${redisTarget.pathname}`
})

// The platform module's connection, to see that Medusa's shutdown (the runner's, inside the
// suite's describe, so before this file's afterAll) closes it.
let platformRedis: Redis | undefined

afterAll(async () => {
  try {
    expect(platformRedis?.status).toBe("end")
  } finally {
    await relay.stop()
  }
})

const API_DIR = path.join(__dirname, "../../src/api")
const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"]
const anyStatus = { validateStatus: () => true }

/** Every route file under src/api as "METHOD /openapi/{path}". */
function routeFileOperations(dir = API_DIR): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) {
      return routeFileOperations(full)
    }
    if (entry.name !== "route.ts") {
      return []
    }
    const route = `/${path.relative(API_DIR, dir)}`.replace(/\[([^\]]+)\]/g, "{$1}")
    const source = fs.readFileSync(full, "utf8")
    return HTTP_METHODS.filter((method) =>
      new RegExp(`export (async )?(function|const) ${method}\\b`).test(source)
    ).map((method) => `${method} ${route}`)
  })
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await check()) {
      return true
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  return false
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const metricsAuth = { headers: { authorization: `Bearer ${METRICS_TOKEN}` } }

    beforeAll(() => {
      platformRedis = getContainer().resolve<PlatformModuleService>(PLATFORM_MODULE).redis()
    })

    describe("GET /ready", () => {
      it("is 200 while PostgreSQL and Redis answer, 503 naming Redis while it is cut", async () => {
        const ready = await api.get("/ready")
        expect(ready.status).toBe(200)
        expect(ready.data).toMatchObject({
          status: "ready",
          checks: { database: { status: "up" }, redis: { status: "up" } },
        })

        await relay.stop()
        try {
          const down = await api.get("/ready", anyStatus)
          expect(down.status).toBe(503)
          expect(down.data).toMatchObject({
            status: "unavailable",
            checks: { database: { status: "up" }, redis: { status: "down" } },
          })
        } finally {
          await relay.start()
        }

        const recovered = await waitFor(
          async () => (await api.get("/ready", anyStatus)).status === 200
        )
        expect(recovered).toBe(true)
      })
    })

    describe("GET /metrics", () => {
      it("requires the metrics token when one is configured", async () => {
        expect((await api.get("/metrics", anyStatus)).status).toBe(401)
        const wrong = await api.get("/metrics", {
          headers: { authorization: "Bearer not-the-token" },
          ...anyStatus,
        })
        expect(wrong.status).toBe(401)
      })

      it("counts the requests just made, by route and status, beside process metrics", async () => {
        const count = async () => {
          const { data } = await api.get("/metrics", metricsAuth)
          const line = (data as string)
            .split("\n")
            .find((l: string) =>
              l.startsWith('http_requests_total{method="GET",route="/openapi.json",status="200"}')
            )
          return Number(line?.split(" ").pop() ?? 0)
        }
        const before = await count()
        for (let i = 0; i < 3; i++) {
          await api.get("/openapi.json")
        }
        expect(await count()).toBe(before + 3)

        const { data, headers } = await api.get("/metrics", metricsAuth)
        expect(headers["content-type"]).toContain("text/plain")
        expect(data).toContain("process_cpu_user_seconds_total")
        expect(data).toContain("http_request_duration_seconds_bucket")
      })
    })

    describe("GET /openapi.json and /docs", () => {
      it("documents every route file under src/api", async () => {
        const { data } = await api.get("/openapi.json")
        expect(data.openapi).toBe("3.1.0")
        const documented = Object.entries(data.paths as Record<string, object>).flatMap(
          ([route, operations]) => Object.keys(operations).map((m) => `${m.toUpperCase()} ${route}`)
        )
        const files = routeFileOperations()
        expect(files.length).toBeGreaterThan(0)
        expect(documented).toEqual(expect.arrayContaining(files))
      })

      it("describes access, parameters and errors from the same schemas", async () => {
        const { data } = await api.get("/openapi.json")
        const metrics = data.paths["/metrics"].get
        expect(metrics["x-access"]).toBe("metrics-token")
        expect(metrics.responses["401"].content["application/json"].schema).toEqual({
          $ref: "#/components/schemas/Error",
        })
        expect(data.paths["/docs/{asset}"].get.parameters).toEqual([
          { name: "asset", in: "path", required: true, schema: { type: "string" } },
        ])
      })

      it("serves Swagger UI and its files, and nothing else from disk", async () => {
        const page = await api.get("/docs")
        expect(page.headers["content-type"]).toContain("text/html")
        expect(page.data).toContain("/openapi.json")

        const script = await api.get("/docs/swagger-ui-bundle.js")
        expect(script.status).toBe(200)
        expect(script.headers["content-type"]).toContain("javascript")

        for (const asset of ["package.json", "..%2F..%2Fpackage.json", "index.html"]) {
          const response = await api.get(`/docs/${asset}`, anyStatus)
          expect({ asset, status: response.status }).toEqual({ asset, status: 404 })
        }
      })
    })

    describe("the platform on Medusa's own routes", () => {
      // Medusa answers /health itself before any project middleware runs.
      it("adds the request id and security headers to /store and /auth routes", async () => {
        for (const route of ["/store/products", "/auth/session"]) {
          const response = await api.get(route, anyStatus)
          expect(response.headers["x-request-id"]).toBeTruthy()
          expect(response.headers["x-content-type-options"]).toBe("nosniff")
        }
      })
    })
  },
})
