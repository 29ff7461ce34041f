import { assertProductionSecrets, secretProblems } from "../secrets"

const strong = "a".repeat(16) + "0123456789abcdef0123"

describe("secretProblems", () => {
  it("accepts long random secrets", () => {
    expect(secretProblems({ JWT_SECRET: strong, COOKIE_SECRET: `${strong}x` })).toEqual([])
  })

  it("names missing, well-known and short secrets", () => {
    expect(secretProblems({})).toEqual(["JWT_SECRET is not set", "COOKIE_SECRET is not set"])
    expect(secretProblems({ JWT_SECRET: "supersecret", COOKIE_SECRET: "bench-cookie" })).toEqual([
      "JWT_SECRET is a well-known default",
      "COOKIE_SECRET is shorter than 32 characters",
    ])
  })
})

describe("assertProductionSecrets", () => {
  it("refuses Medusa's development default in production", () => {
    expect(() =>
      assertProductionSecrets({
        NODE_ENV: "production",
        JWT_SECRET: "supersecret",
        COOKIE_SECRET: strong,
      })
    ).toThrow(/JWT_SECRET is a well-known default/)
  })

  it("refuses missing secrets in production", () => {
    expect(() => assertProductionSecrets({ NODE_ENV: "production" })).toThrow(/is not set/)
  })

  it("leaves development and tests to their generated or default secrets", () => {
    expect(() => assertProductionSecrets({ NODE_ENV: "development" })).not.toThrow()
    expect(() => assertProductionSecrets({ NODE_ENV: "test" })).not.toThrow()
  })
})
