// MikroORM keeps entity metadata in a global; each spec file boots its own app.
const { MetadataStorage } = require("@medusajs/framework/mikro-orm/core")
MetadataStorage.clear()

// Two jest workers boot two apps at once. With Redis they would share BullMQ queues and
// workflow state, so each worker gets its own Redis database (flushed per spec file).
if (process.env.REDIS_URL) {
  const url = new URL(process.env.REDIS_URL)
  url.pathname = `/${Number(process.env.JEST_WORKER_ID || "1")}`
  process.env.REDIS_URL = url.toString()
}
