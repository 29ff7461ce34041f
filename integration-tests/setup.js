// MikroORM keeps entity metadata in a global; each spec file boots its own app.
const { MetadataStorage } = require("@medusajs/framework/mikro-orm/core")
MetadataStorage.clear()

// Two jest workers boot two apps at once. With Redis they would share BullMQ queues and
// workflow state, so each worker gets its own Redis database (flushed per spec file).
// TEST_REDIS_DB_BASE shifts the range so two test runs on one Redis keep apart.
if (process.env.REDIS_URL) {
  const url = new URL(process.env.REDIS_URL)
  url.pathname = `/${Number(process.env.TEST_REDIS_DB_BASE || "0") + Number(process.env.JEST_WORKER_ID || "1")}`
  process.env.REDIS_URL = url.toString()
}
