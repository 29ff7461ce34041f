import { loginDelaySeconds, loginDelayTable, type LoginThrottleRule } from "../login-delay"

const rule: LoginThrottleRule = {
  freeFailures: 3,
  baseDelaySeconds: 2,
  maxDelaySeconds: 30,
  windowSeconds: 3600,
}

describe("loginDelaySeconds", () => {
  it("costs nothing for the first failures, then doubles up to the maximum", () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 8].map((failures) => loginDelaySeconds(failures, rule))
    expect(delays).toEqual([0, 0, 2, 4, 8, 16, 30, 30])
  })

  it("stays finite and capped for absurd counts", () => {
    expect(loginDelaySeconds(1e9, rule)).toBe(30)
  })
})

describe("loginDelayTable", () => {
  it("lists the delay of each count up to the first that reaches the maximum", () => {
    expect(loginDelayTable(rule)).toEqual([0, 0, 2, 4, 8, 16, 30])
  })

  it("ends at once when the base is already the maximum", () => {
    expect(loginDelayTable({ ...rule, freeFailures: 1, maxDelaySeconds: 2 })).toEqual([2])
  })
})
