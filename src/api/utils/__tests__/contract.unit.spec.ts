import { z } from "@medusajs/framework/zod"
import {
  findContractRoute,
  isContractPath,
  isMedusaAdminPath,
  registerContractRoutes,
  toOpenApiPath,
  type ContractRoute,
} from "../contract"
import { buildOpenApiDocument } from "../openapi"

const routes: ContractRoute[] = [
  {
    method: "GET",
    path: "/auth/me",
    summary: "Me",
    tags: ["Auth"],
    access: "authenticated",
    responses: { 200: { description: "Me", schema: z.object({ id: z.string() }) } },
  },
  {
    method: "POST",
    path: "/auth/login",
    summary: "Login",
    tags: ["Auth"],
    access: "public",
    rateLimit: "auth",
    bodyTypes: ["json", "form"],
    body: z.object({ username: z.string(), password: z.string().min(8) }),
    responses: { 200: { description: "Tokens" } },
  },
  {
    method: "GET",
    path: "/widgets/:id",
    summary: "Widget",
    tags: ["Widgets"],
    access: "admin",
    query: z.object({ expand: z.enum(["parts"]).optional() }),
    responses: { 200: { description: "Widget" } },
  },
  {
    method: "GET",
    path: "/widgets/search",
    summary: "Search",
    tags: ["Widgets"],
    access: "public",
    responses: { 200: { description: "Hits" } },
  },
]

describe("contract paths", () => {
  beforeAll(() => registerContractRoutes(routes))

  it("knows the contract's prefixes and registered routes, not Medusa's", () => {
    for (const path of ["/products", "/products/prod_1", "/cart/", "/auth/login", "/auth/me"]) {
      expect({ path, ours: isContractPath(path) }).toEqual({ path, ours: true })
    }
    for (const path of ["/store/products", "/admin/users", "/auth/customer/emailpass", "/app"]) {
      expect({ path, ours: isContractPath(path) }).toEqual({ path, ours: false })
    }
  })

  it("finds a request's route, static paths before parameterised ones", () => {
    expect(findContractRoute("GET", "/widgets/search")?.summary).toBe("Search")
    expect(findContractRoute("GET", "/widgets/w_1")?.summary).toBe("Widget")
    expect(findContractRoute("POST", "/widgets/w_1")).toBeUndefined()
  })

  it("matches paths whatever their case, as Express routes them", () => {
    for (const path of ["/PRODUCTS", "/Products/prod_1", "/AUTH/Me", "/Widgets/Search/"]) {
      expect({ path, ours: isContractPath(path) }).toEqual({ path, ours: true })
    }
    expect(findContractRoute("GET", "/WIDGETS/SEARCH")?.summary).toBe("Search")
    expect(findContractRoute("get", "/Widgets/W_1")?.summary).toBe("Widget")
    expect(isMedusaAdminPath("/ADMIN/users")).toBe(true)
    expect(isMedusaAdminPath("/Admin")).toBe(true)
    expect(isMedusaAdminPath("/administrator")).toBe(false)
  })

  it("writes paths the OpenAPI way", () => {
    expect(toOpenApiPath("/products/:id/reviews/:review_id")).toBe(
      "/products/{id}/reviews/{review_id}"
    )
  })
})

describe("buildOpenApiDocument", () => {
  const document = buildOpenApiDocument(routes, { title: "Test", version: "1.0.0" })

  it("lists every route with its access and security", () => {
    expect(document.openapi).toBe("3.1.0")
    expect(Object.keys(document.paths).sort()).toEqual([
      "/auth/login",
      "/auth/me",
      "/widgets/search",
      "/widgets/{id}",
    ])
    expect(document.paths["/auth/me"].get).toMatchObject({
      "x-access": "authenticated",
      security: [{ bearerAuth: [] }],
    })
    expect(document.paths["/widgets/search"].get.security).toEqual([{}, { bearerAuth: [] }])
  })

  it("takes request bodies and parameters from the zod schemas", () => {
    const login = document.paths["/auth/login"].post as {
      requestBody: {
        content: Record<string, { schema: { properties: object; required: string[] } }>
      }
    }
    expect(Object.keys(login.requestBody.content)).toEqual([
      "application/json",
      "application/x-www-form-urlencoded",
    ])
    const schema = login.requestBody.content["application/json"].schema
    expect(schema.required).toEqual(["username", "password"])
    expect(schema.properties).toMatchObject({ password: { type: "string", minLength: 8 } })

    expect(document.paths["/widgets/{id}"].get.parameters).toEqual([
      { name: "id", in: "path", required: true, schema: { type: "string" } },
      { name: "expand", in: "query", required: false, schema: { type: "string", enum: ["parts"] } },
    ])
  })

  it("documents the error responses each kind of route can give", () => {
    const responses = (method: string, path: string) =>
      Object.keys(document.paths[path][method].responses as object)
    expect(responses("get", "/widgets/{id}")).toEqual(
      expect.arrayContaining(["200", "400", "401", "403", "429"])
    )
    expect(responses("get", "/widgets/search")).not.toContain("403")
    expect(document.components).toMatchObject({
      schemas: { Error: { type: "object", required: ["type", "message"] } },
    })
  })
})
