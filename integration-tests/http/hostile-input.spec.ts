import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import type { AxiosResponse } from "axios"
import { connect } from "node:net"
import { rawGet } from "../helpers/raw-http"
import {
  createAdminUser,
  createCommerceSetup,
  createCatalogProduct,
  uniqueEmail,
  type AdminSession,
  type CommerceSetup,
} from "../helpers"

process.env.RATE_LIMIT_AUTH_POINTS = "100"
process.env.RATE_LIMIT_AUTH_IP_POINTS = "1000"

const anyStatus = { validateStatus: () => true }
const NUL = "\u0000"

/** A 400 in the shared error shape, with the request id header. */
function expectRefused(response: AxiosResponse): void {
  expect({ status: response.status, type: response.data?.type }).toEqual({
    status: 400,
    type: "invalid_data",
  })
  expect(typeof response.data.message).toBe("string")
  expect(response.headers["x-request-id"]).toBeTruthy()
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: AdminSession
    let setup: CommerceSetup

    beforeEach(async () => {
      admin = await createAdminUser(getContainer(), api)
      setup = await createCommerceSetup(getContainer())
    })

    describe("input PostgreSQL cannot store (NUL) is a 400 on every route", () => {
      it("refuses NUL in the query string and path of the engine's routes", async () => {
        expectRefused(await api.get("/products?q=%00", anyStatus))
        expectRefused(await api.get("/products?q=lamp&tag=a%00b", anyStatus))
        expectRefused(await api.get("/products/a%00b", anyStatus))
        expectRefused(await api.get("/products/a%00b/reviews", anyStatus))
        // A NUL in a query parameter's name, not only its value.
        expectRefused(await api.get("/products?a%00b=1", anyStatus))
        // Ordinary input still works.
        expect((await api.get("/products?q=lamp", anyStatus)).status).toBe(200)
      })

      it("refuses NUL in the login form and in JSON bodies, in values and keys", async () => {
        const email = uniqueEmail("nul")
        expectRefused(
          await api.post(
            "/auth/login",
            { email: `a${NUL}b@example.test`, password: "x" },
            anyStatus
          )
        )
        expectRefused(
          await api.post("/auth/login", `username=a%00b&password=secret-password`, {
            headers: { "content-type": "application/x-www-form-urlencoded" },
            ...anyStatus,
          })
        )
        const register = { email, username: `nul${Date.now()}`, password: "a-good-password-1" }
        expectRefused(await api.post("/auth/register", { ...register, [`x${NUL}`]: 1 }, anyStatus))
        expectRefused(
          await api.post(
            "/auth/register",
            { ...register, first_name: { nested: [`deep${NUL}`] } },
            anyStatus
          )
        )
        // Nothing was created: the same registration without the NUL succeeds.
        expect((await api.post("/auth/register", register, anyStatus)).status).toBe(201)
      })

      it("refuses NUL on Medusa's own /auth, /store and /admin routes", async () => {
        const store = { headers: setup.storeHeaders, ...anyStatus }
        expectRefused(
          await api.post(
            "/auth/customer/emailpass",
            { email: `a${NUL}@example.test`, password: "x" },
            anyStatus
          )
        )
        expectRefused(await api.get("/store/products?q=%00", store))
        expectRefused(await api.get("/store/products/a%00b", store))
        expectRefused(await api.post("/store/carts", { email: `a${NUL}@example.test` }, store))
        expectRefused(await api.post("/store/carts", { metadata: { [`k${NUL}`]: "v" } }, store))
        const asAdmin = { headers: admin.headers, ...anyStatus }
        expectRefused(await api.get("/admin/products?q=%00", asAdmin))
        expectRefused(await api.get("/admin/customers/cus%00x", asAdmin))
        expectRefused(await api.post("/admin/customers", { email: `x${NUL}@y.test` }, asAdmin))
        const customers = await getContainer()
          .resolve(Modules.CUSTOMER)
          .listCustomers({ email: `x${NUL}@y.test`.replace(NUL, "") })
        expect(customers).toHaveLength(0)
        // Ordinary input still works on Medusa's routes.
        expect((await api.get("/store/products?q=lamp", store)).status).toBe(200)
      })
    })

    describe("a broken multipart body", () => {
      it("answers 400 in the shared shape, not 500 (ours and Medusa's uploads)", async () => {
        const product = await createCatalogProduct(api, admin.headers, {
          name: "Lamp",
          price: "10.00",
          stock_quantity: 1,
        })
        const boundary = "----broken"
        const truncated =
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n` +
          `Content-Type: image/png\r\n\r\n\x89PNG partial`
        const response = await api.post(`/products/${product.id}/images`, truncated, {
          headers: {
            ...admin.headers,
            "content-type": `multipart/form-data; boundary=${boundary}`,
          },
          ...anyStatus,
        })
        expectRefused(response)
        // Medusa's own upload route (multer too).
        expectRefused(
          await api.post("/admin/uploads", truncated, {
            headers: {
              ...admin.headers,
              "content-type": `multipart/form-data; boundary=${boundary}`,
            },
            ...anyStatus,
          })
        )
      })
    })

    describe("requests Node's HTTP parser refuses", () => {
      /** What the server sends back for `bytes` written on a fresh connection. */
      function rawExchange(baseUrl: string, bytes: string): Promise<string> {
        const { hostname, port } = new URL(baseUrl)
        return new Promise((resolve, reject) => {
          const socket = connect(Number(port), hostname, () => socket.write(bytes))
          const chunks: Buffer[] = []
          socket.on("data", (chunk: Buffer) => chunks.push(chunk))
          socket.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")))
          socket.on("error", reject)
        })
      }

      it("answers headers over Node's limit and broken request lines in the shared shape", async () => {
        const baseUrl = api.defaults.baseURL as string
        // The server's handle is taken from its first request.
        expect((await api.get("/health")).status).toBe(200)

        const huge = await rawGet(baseUrl, "/health", { "X-Padding": "a".repeat(20_000) })
        expect(huge.status).toBe(431)
        expect(huge.headers["content-type"]).toMatch(/^application\/json/)
        expect(JSON.parse(huge.body.toString("utf8"))).toEqual({
          type: "invalid_data",
          message: "The request's headers are too large",
        })

        const broken = await rawExchange(baseUrl, "NOT A REQUEST\r\n\r\n")
        expect(broken).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/)
        expect(JSON.parse(broken.slice(broken.indexOf("\r\n\r\n") + 4))).toEqual({
          type: "invalid_data",
          message: "The request is not valid HTTP",
        })
        // The server goes on serving.
        expect((await api.get("/health")).status).toBe(200)
      })
    })
  },
})
