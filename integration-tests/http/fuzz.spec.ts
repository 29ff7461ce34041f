import fc from "fast-check"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { AxiosResponse } from "axios"
import {
  anyStatus,
  createAdminUser,
  createCommerceSetup,
  createCatalogProduct,
  createShoppers,
  errorShapeProblem,
  requestFor,
  stateFingerprint,
  type FuzzOperation,
  type FuzzRequest,
  type OpenApiOperation,
  type StateFingerprint,
} from "../helpers"

// The fuzz wants every request to reach the route's own checks, not the global per-address
// limit (600 a minute), which this many requests from 127.0.0.1 would hit. The limiter is
// exercised by the security spec. Read once, when the app boots below.
process.env.RATE_LIMIT_ENABLED = "false"

/** docs/SECURITY.md "Test suites": how to reproduce a failure with FUZZ_SEED and FUZZ_ONLY. */
const SEED = Number(process.env.FUZZ_SEED ?? 20261205)
const RUNS = Number(process.env.FUZZ_RUNS ?? 6)
const ONLY = process.env.FUZZ_ONLY

/**
 * Medusa authenticates /admin routes itself; since defect 11 of issue 18 was fixed its 401s
 * carry the shared shape too, and they are held to it. FUZZ_ADMIN_401=false tolerates
 * Medusa's bare `{"message":"Unauthorized"}` (to bisect a regression).
 */
const STRICT_ADMIN_401 = process.env.FUZZ_ADMIN_401 !== "false"

function isMedusaAdminUnauthorized(path: string, response: AxiosResponse): boolean {
  return (
    !STRICT_ADMIN_401 &&
    path.startsWith("/admin/") &&
    response.status === 401 &&
    response.data === '{"message":"Unauthorized"}'
  )
}

type Role = "anonymous" | "customer" | "admin"
const ROLES: Role[] = ["anonymous", "customer", "admin"]

/** A stable per-case seed, so one operation can be replayed alone with FUZZ_ONLY. */
function caseSeed(name: string): number {
  let hash = SEED | 0
  for (const char of name) {
    hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0
  }
  return hash
}

function describeRequest(method: string, request: FuzzRequest, response: AxiosResponse): string {
  const body =
    request.body === undefined ? "" : ` body (${request.bodyKind}) ${request.body.slice(0, 300)}`
  return `${method.toUpperCase()} ${request.url.slice(0, 300)} ${JSON.stringify(request.headers)}${body} -> ${response.status} ${String(response.data).slice(0, 300)}`
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let operations: FuzzOperation[] = []
    let knownIds: string[] = []

    beforeAll(async () => {
      const container = getContainer()
      const admin = await createAdminUser(container, api)
      await createCommerceSetup(container)
      const product = await createCatalogProduct(api, admin.headers, {
        name: "Fuzz lamp",
        price: "19.99",
        stock_quantity: 5,
      })
      const [someone] = await createShoppers(container, 1)
      knownIds = [product.id, someone.id, admin.user.id, "prod_01JZZZZZZZZZZZZZZZZZZZZZZZ"]

      const { data } = await api.get("/openapi.json")
      const paths = data.paths as Record<string, Record<string, OpenApiOperation>>
      operations = Object.entries(paths).flatMap(([path, ops]) =>
        Object.entries(ops).map(([method, operation]) => ({ method, path, operation }))
      )
    })

    /** The caller's headers: a fresh session per operation, so a fuzzed logout or password
     * change only ends that operation's own session. */
    async function credentials(role: Role): Promise<Record<string, string>> {
      const container = getContainer()
      if (role === "customer") {
        const [shopper] = await createShoppers(container, 1)
        return shopper.headers
      }
      if (role === "admin") {
        return (await createAdminUser(container, api)).headers
      }
      return {}
    }

    it("covers every operation of /openapi.json", () => {
      expect(operations.length).toBeGreaterThan(50)
    })

    it("answers hostile requests to every operation, as every caller, with a clean 4xx or a success that changes nothing when refused", async () => {
      const container = getContainer()
      const failures: string[] = []
      let sent = 0
      for (const op of operations) {
        for (const role of ROLES) {
          const name = `${op.method.toUpperCase()} ${op.path} as ${role}`
          if (ONLY && !name.includes(ONLY)) {
            continue
          }
          const auth = await credentials(role)
          let baseline: StateFingerprint = await stateFingerprint(container)
          const property = fc.asyncProperty(requestFor(op, knownIds), async (request) => {
            sent += 1
            const response = await api.request({
              method: op.method,
              url: request.url,
              data: request.body,
              headers: { ...request.headers, ...auth },
              transformRequest: [(body: unknown) => body],
              transformResponse: [(body: unknown) => body],
              maxRedirects: 0,
              ...anyStatus,
            })
            const where = describeRequest(op.method, request, response)
            if (response.status >= 500) {
              throw new Error(`server error: ${where}`)
            }
            const shape = isMedusaAdminUnauthorized(op.path, response)
              ? undefined
              : errorShapeProblem(response)
            if (shape) {
              throw new Error(`error shape: ${shape}: ${where}`)
            }
            if (op.method === "get") {
              return
            }
            const after = await stateFingerprint(container)
            if (response.status >= 400) {
              // A refusal changes nothing countable.
              expect(after).toEqual(baseline)
            }
            baseline = after
          })
          const seed = caseSeed(name)
          const result = await fc.check(property, { seed, numRuns: RUNS })
          if (result.failed) {
            failures.push(
              `${name}: ${String(result.errorInstance ?? "").slice(0, 1500)}\n  reproduce: FUZZ_SEED=${SEED} FUZZ_ONLY='${name}' (case seed ${seed}, path ${result.counterexamplePath})`
            )
          }
        }
      }
      if (failures.length) {
        throw new Error(`fuzz failures (FUZZ_SEED=${SEED}):\n${failures.join("\n")}`)
      }
      // The budget was spent: a filter that matched nothing would pass vacuously.
      expect(sent).toBeGreaterThan(ONLY ? 0 : operations.length * ROLES.length * RUNS - 1)
    }, 900_000)
  },
})
