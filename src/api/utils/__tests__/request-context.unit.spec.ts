import { logger } from "@medusajs/framework/logger"
import { quietMedusaAccessLog } from "../request-context"

type LevelLogger = typeof logger & {
  shouldLog: (level: string) => boolean
  setLogLevel: (level: string) => void
  unsetLogLevel: () => void
}

describe("quietMedusaAccessLog", () => {
  const medusaLogger = logger as LevelLogger

  afterEach(() => medusaLogger.unsetLogLevel())

  // Medusa's express loader skips its morgan access line exactly when
  // `logger.shouldLog("http")` is false; the engine writes its own line per request.
  it("stops Medusa's logger from logging the http level and leaves the others", () => {
    medusaLogger.setLogLevel("debug")
    expect(medusaLogger.shouldLog("http")).toBe(true)
    quietMedusaAccessLog(medusaLogger)
    quietMedusaAccessLog(medusaLogger)
    expect(medusaLogger.shouldLog("http")).toBe(false)
    expect(medusaLogger.shouldLog("info")).toBe(true)
    expect(medusaLogger.shouldLog("debug")).toBe(true)
    medusaLogger.setLogLevel("warn")
    expect(medusaLogger.shouldLog("info")).toBe(false)
    expect(medusaLogger.shouldLog("error")).toBe(true)
  })
})
