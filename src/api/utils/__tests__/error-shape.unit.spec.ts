import { inSharedErrorShape } from "../error-shape"

describe("inSharedErrorShape", () => {
  it("gives Medusa's bare 401 body a type, keeping its message", () => {
    expect(inSharedErrorShape(401, { message: "Unauthorized" }, "req-1")).toEqual({
      type: "unauthorized",
      message: "Unauthorized",
    })
  })

  it("keeps a body that already has the shape, and Medusa's extra fields", () => {
    const body = { code: "invalid_request_error", type: "duplicate_error", message: "Exists" }
    expect(inSharedErrorShape(422, body, "req-1")).toEqual(body)
  })

  it("adds a message and the request id to server errors", () => {
    expect(inSharedErrorShape(503, {}, "req-2")).toEqual({
      type: "unknown_error",
      message: "An unexpected error occurred",
      request_id: "req-2",
    })
  })

  it("leaves successes and non-object bodies alone", () => {
    expect(inSharedErrorShape(200, { message: "ok" }, "r")).toEqual({ message: "ok" })
    expect(inSharedErrorShape(400, ["a"], "r")).toEqual(["a"])
    expect(inSharedErrorShape(400, "text", "r")).toBe("text")
  })
})
