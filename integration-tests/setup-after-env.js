const Redis = require("ioredis")

jest.setTimeout(120_000)

// A spec file starts from an empty Redis database: no queued jobs or locks left over
// from the previous file this worker ran.
beforeAll(async () => {
  if (!process.env.REDIS_URL) {
    return
  }
  const client = new Redis(process.env.REDIS_URL, { maxRetriesPerRequest: 1 })
  try {
    await client.flushdb()
  } finally {
    client.disconnect()
  }
})
