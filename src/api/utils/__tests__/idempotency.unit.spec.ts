import type { MedusaRequest } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import type { ContractRoute } from "../contract"
import {
  canonicalJson,
  fingerprintOf,
  idempotencyScope,
  INVALID_KEY_MESSAGE,
  parseIdempotencyKey,
  readIdempotencySettings,
  requestFingerprint,
} from "../idempotency"
import { buildOpenApiDocument } from "../openapi"

describe("canonicalJson", () => {
  it("sorts object keys at every depth and keeps array order", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: "x" } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}'
    )
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]))
  })

  it("is JSON.stringify otherwise: toJSON, undefined properties, no value", () => {
    expect(canonicalJson({ at: new Date("2026-01-02T03:04:05.000Z"), gone: undefined })).toBe(
      '{"at":"2026-01-02T03:04:05.000Z"}'
    )
    expect(canonicalJson({ amount: { toJSON: () => "10.50" } })).toBe('{"amount":"10.50"}')
    expect(canonicalJson([undefined])).toBe("[null]")
    expect(canonicalJson(undefined)).toBe("null")
    expect(canonicalJson("text")).toBe('"text"')
  })
})

describe("fingerprintOf", () => {
  it("is the SHA-256 of the canonical JSON: key order does not matter, values do", () => {
    const a = fingerprintOf({ cart_id: "cart_1", shipping: { method: "std", note: "" } })
    const b = fingerprintOf({ shipping: { note: "", method: "std" }, cart_id: "cart_1" })
    expect(a).toMatch(/^[0-9a-f]{64}$/)
    expect(a).toBe(b)
    expect(fingerprintOf({ cart_id: "cart_2", shipping: { method: "std", note: "" } })).not.toBe(a)
    expect(fingerprintOf({ quantity: 1 })).not.toBe(fingerprintOf({ quantity: "1" }))
  })
})

describe("requestFingerprint", () => {
  const request = (parts: Partial<MedusaRequest>) => parts as MedusaRequest

  it("covers the body, the path parameters and the query", () => {
    const base = { params: { id: "order_A" }, validatedQuery: {}, validatedBody: { amount: 5 } }
    const fingerprint = requestFingerprint(request(base))
    expect(requestFingerprint(request({ ...base, validatedBody: { amount: 5 } }))).toBe(fingerprint)
    expect(requestFingerprint(request({ ...base, validatedBody: { amount: 6 } }))).not.toBe(
      fingerprint
    )
    expect(requestFingerprint(request({ ...base, params: { id: "order_B" } }))).not.toBe(
      fingerprint
    )
    expect(requestFingerprint(request({ ...base, validatedQuery: { expand: "items" } }))).not.toBe(
      fingerprint
    )
  })

  it("treats a missing body, params and query as empty", () => {
    expect(requestFingerprint(request({}))).toBe(
      fingerprintOf({ params: {}, query: {}, body: null })
    )
  })
})

describe("parseIdempotencyKey", () => {
  it("is undefined without the header", () => {
    expect(parseIdempotencyKey(undefined)).toBeUndefined()
  })

  it("accepts 1-255 printable ASCII characters", () => {
    for (const key of [
      "a",
      "3f0c9a8e-2b9e-4c55-9a1e-7d7c1f0b5e21",
      "order 42 / retry #1 ~",
      "x".repeat(255),
    ]) {
      expect(parseIdempotencyKey(key)).toBe(key)
    }
  })

  it("refuses empty, too long, non-ASCII, control characters and repeated headers", () => {
    for (const header of [
      "",
      "x".repeat(256),
      "clé",
      "tab\there",
      "line\nbreak",
      "\u007f",
      ["a", "b"],
    ]) {
      let thrown: unknown
      try {
        parseIdempotencyKey(header)
      } catch (error) {
        thrown = error
      }
      expect({ header, thrown }).toEqual({
        header,
        thrown: expect.objectContaining({
          type: MedusaError.Types.INVALID_DATA,
          message: INVALID_KEY_MESSAGE,
        }),
      })
    }
  })
})

describe("idempotencyScope", () => {
  it("is the caller and the route, anonymous without a caller", () => {
    expect(idempotencyScope("cus_1", "POST /cart/checkout")).toBe("cus_1 POST /cart/checkout")
    expect(idempotencyScope(undefined, "POST /orders/")).toBe("anonymous POST /orders/")
    expect(idempotencyScope("cus_2", "POST /cart/checkout")).not.toBe(
      idempotencyScope("cus_1", "POST /cart/checkout")
    )
  })
})

describe("readIdempotencySettings", () => {
  it("keeps responses 24 hours by default, IDEMPOTENCY_KEY_TTL_HOURS otherwise", () => {
    expect(readIdempotencySettings({})).toEqual({ ttlHours: 24 })
    expect(readIdempotencySettings({ IDEMPOTENCY_KEY_TTL_HOURS: "72" })).toEqual({ ttlHours: 72 })
    for (const value of ["0", "-1", "1.5", "a day"]) {
      expect(() => readIdempotencySettings({ IDEMPOTENCY_KEY_TTL_HOURS: value })).toThrow(
        "IDEMPOTENCY_KEY_TTL_HOURS must be a positive integer"
      )
    }
  })
})

describe("OpenAPI of idempotent routes", () => {
  const route = (idempotent: boolean): ContractRoute => ({
    method: "POST",
    path: idempotent ? "/orders/:id/pay" : "/orders/:id/notes",
    summary: "Pay",
    tags: ["Orders"],
    access: "customer",
    body: z.object({ amount: z.string() }),
    ...(idempotent ? { idempotent: true as const } : {}),
    responses: { 201: { description: "Paid" } },
  })
  const document = buildOpenApiDocument([route(true), route(false)], {
    title: "Test",
    version: "1",
  })
  const operation = (path: string) =>
    document.paths[path].post as {
      parameters: { name: string; in: string; required: boolean }[]
      responses: Record<string, unknown>
    }

  it("documents the optional Idempotency-Key header and the 409", () => {
    const pay = operation("/orders/{id}/pay")
    expect(pay.parameters.map(({ name, in: where, required }) => [name, where, required])).toEqual([
      ["id", "path", true],
      ["Idempotency-Key", "header", false],
    ])
    expect(pay.parameters[1]).toMatchObject({
      schema: { type: "string", minLength: 1, maxLength: 255 },
    })
    expect(Object.keys(pay.responses)).toEqual(expect.arrayContaining(["201", "400", "409"]))
  })

  it("leaves other routes without them", () => {
    const notes = operation("/orders/{id}/notes")
    expect(notes.parameters.map(({ name }) => name)).toEqual(["id"])
    expect(Object.keys(notes.responses)).not.toContain("409")
  })
})
