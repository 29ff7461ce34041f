import { MedusaError } from "@medusajs/framework/utils"
import { PAYMENT_PROVIDER_ERROR } from "../../../utils/payment/provider-error"
import { PASSWORD_HASHING_BUSY } from "../../../utils/identity/password-hashing"
import { HttpError, RequestValidationError, toErrorResponse } from "../errors"

describe("toErrorResponse", () => {
  it.each([
    [MedusaError.Types.INVALID_DATA, 400],
    [MedusaError.Types.NOT_ALLOWED, 400],
    [MedusaError.Types.UNAUTHORIZED, 401],
    [MedusaError.Types.FORBIDDEN, 403],
    [MedusaError.Types.NOT_FOUND, 404],
    [MedusaError.Types.DUPLICATE_ERROR, 409],
    [MedusaError.Types.CONFLICT, 409],
    [MedusaError.Types.PAYMENT_AUTHORIZATION_ERROR, 422],
    [PAYMENT_PROVIDER_ERROR, 502],
  ])("maps MedusaError %s to %i keeping its message", (type, status) => {
    const response = toErrorResponse(new MedusaError(type, "what happened"), "req-1")
    expect(response).toEqual({
      status,
      body: { type, message: "what happened" },
      headers: {},
      unexpected: false,
    })
  })

  it("answers a shed password check 503 with when to retry", () => {
    const busy = new MedusaError(PASSWORD_HASHING_BUSY, "retry in a few seconds")
    // Errors thrown in workflow steps cross the workflow engine as plain objects.
    for (const thrown of [busy, { ...busy, type: busy.type, message: busy.message }]) {
      expect(toErrorResponse(thrown, "req-1")).toEqual({
        status: 503,
        body: { type: PASSWORD_HASHING_BUSY, message: "retry in a few seconds" },
        headers: { "Retry-After": "2" },
        unexpected: false,
      })
    }
  })

  it("adds the field errors of a validation error", () => {
    const error = new RequestValidationError([{ field: "email", message: "Required" }], "body")
    expect(toErrorResponse(error, "req-1").body).toEqual({
      type: "invalid_data",
      message: "Invalid request body",
      errors: [{ field: "email", message: "Required" }],
    })
  })

  it("turns a duplicate-key database error into a 409", () => {
    const dbError = Object.assign(new Error("duplicate key"), {
      code: "23505",
      table: "profile",
      detail: "Key (username)=(ada) already exists.",
    })
    const response = toErrorResponse(dbError, "req-1")
    expect(response.status).toBe(409)
    expect(response.body.type).toBe("duplicate_error")
  })

  it("keeps an HttpError's status, type and headers", () => {
    const error = new HttpError(429, "too_many_requests", "slow down", { "Retry-After": "3" })
    expect(toErrorResponse(error, "req-1")).toEqual({
      status: 429,
      body: { type: "too_many_requests", message: "slow down" },
      headers: { "Retry-After": "3" },
      unexpected: false,
    })
  })

  it("maps body-parser errors (malformed JSON, too large) to client errors", () => {
    const malformed = Object.assign(new SyntaxError("Unexpected end"), {
      status: 400,
      type: "entity.parse.failed",
    })
    expect(toErrorResponse(malformed, "r").body).toEqual({
      type: "invalid_data",
      message: "The request body is not valid JSON",
    })
    const large = Object.assign(new Error("request entity too large"), {
      status: 413,
      type: "entity.too.large",
    })
    expect(toErrorResponse(large, "r")).toMatchObject({
      status: 413,
      body: { type: "payload_too_large" },
    })
  })

  it("hides unknown errors behind a 500 with the request id", () => {
    for (const thrown of [new Error("password=hunter2"), "a string", { status: 502 }, null]) {
      const response = toErrorResponse(thrown, "req-42")
      expect(response.status).toBe(500)
      expect(response.unexpected).toBe(true)
      expect(response.body).toEqual({
        type: "unknown_error",
        message: expect.not.stringContaining("hunter2"),
        request_id: "req-42",
      })
    }
  })

  it("treats MedusaError types without a client meaning as unexpected", () => {
    const response = toErrorResponse(
      new MedusaError(MedusaError.Types.UNEXPECTED_STATE, "internal detail"),
      "req-7"
    )
    expect(response.status).toBe(500)
    expect(JSON.stringify(response.body)).not.toContain("internal detail")
  })

  it("answers a lock wait that timed out with a retryable 409", () => {
    const response = toErrorResponse(new Error("Timed-out acquiring lock."), "req-9")
    expect(response).toMatchObject({
      status: 409,
      body: { type: "conflict" },
      headers: { "Retry-After": "1" },
      unexpected: false,
    })
  })
})
