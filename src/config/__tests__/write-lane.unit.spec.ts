import { DEFAULT_WRITE_LANE_TIMEOUT_MS, readWriteLaneSettings } from "../write-lane"

describe("write lane settings", () => {
  it("has no lane without WRITE_LANE_URL, and the default time-out", () => {
    const settings = readWriteLaneSettings({ COOKIE_SECRET: "a".repeat(64) })
    expect(settings.url).toBeUndefined()
    expect(settings.timeoutMs).toBe(DEFAULT_WRITE_LANE_TIMEOUT_MS)
  })

  it("reads a writer's address and a time-out", () => {
    const settings = readWriteLaneSettings({
      WRITE_LANE_URL: "http://127.0.0.1:9002",
      WRITE_LANE_TIMEOUT_MS: "30000",
      COOKIE_SECRET: "a".repeat(64),
    })
    expect(settings.url?.origin).toBe("http://127.0.0.1:9002")
    expect(settings.timeoutMs).toBe(30_000)
  })

  it("derives the proof from COOKIE_SECRET: one deployment shares it, another does not", () => {
    const one = readWriteLaneSettings({ COOKIE_SECRET: "a".repeat(64) }).secret
    expect(readWriteLaneSettings({ COOKIE_SECRET: "a".repeat(64) }).secret).toBe(one)
    expect(readWriteLaneSettings({ COOKIE_SECRET: "b".repeat(64) }).secret).not.toBe(one)
    expect(one).not.toContain("a".repeat(16))
  })

  it.each(["https://127.0.0.1:9002", "http://127.0.0.1", "http://127.0.0.1:9002/x", "nonsense"])(
    "refuses the writer address %s",
    (url) => {
      expect(() => readWriteLaneSettings({ WRITE_LANE_URL: url })).toThrow(/WRITE_LANE_URL/)
    }
  )

  it.each(["soon", "999", "1500.5", "-5000"])("refuses the time-out %s", (value) => {
    expect(() => readWriteLaneSettings({ WRITE_LANE_TIMEOUT_MS: value })).toThrow(
      /WRITE_LANE_TIMEOUT_MS/
    )
  })
})
