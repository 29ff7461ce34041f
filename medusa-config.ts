import { defineConfig, loadEnv } from "@medusajs/framework/utils"
import type { InputConfigModules } from "@medusajs/framework/types"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

const DEFAULT_STORE_CORS = "http://localhost:8000,http://localhost:3000"
const DEFAULT_ADMIN_CORS = "http://localhost:5173,http://localhost:9000"
const DEFAULT_EMAIL_FROM = "Commerce Engine <no-reply@localhost>"

const redisUrl = process.env.REDIS_URL || undefined
const storeCors = process.env.STORE_CORS || DEFAULT_STORE_CORS
const adminCors = process.env.ADMIN_CORS || DEFAULT_ADMIN_CORS
const smtpUrl = process.env.SMTP_URL || undefined
const emailFrom = process.env.EMAIL_FROM || DEFAULT_EMAIL_FROM

/**
 * Infrastructure modules: Redis-backed when REDIS_URL is set (so several server and
 * worker processes share events, workflow state, locks and cache), in-memory otherwise.
 */
function infrastructureModules(url: string | undefined): InputConfigModules {
  if (!url) {
    return [
      {
        resolve: "@medusajs/medusa/caching",
        options: { in_memory: { enable: true } },
      },
    ]
  }
  return [
    {
      resolve: "@medusajs/medusa/event-bus-redis",
      options: { redisUrl: url },
    },
    {
      resolve: "@medusajs/medusa/workflow-engine-redis",
      options: { redis: { url } },
    },
    {
      resolve: "@medusajs/medusa/locking",
      options: {
        providers: [
          {
            resolve: "@medusajs/medusa/locking-redis",
            id: "locking-redis",
            is_default: true,
            options: { redisUrl: url },
          },
        ],
      },
    },
    {
      resolve: "@medusajs/medusa/caching",
      options: {
        providers: [
          {
            resolve: "@medusajs/medusa/caching-redis",
            id: "caching-redis",
            is_default: true,
            options: { redisUrl: url },
          },
        ],
      },
    },
  ]
}

/**
 * Notification module: the `email` channel goes through SMTP when SMTP_URL is set, and to
 * the log otherwise (development: links in emails can be followed from the console).
 */
function notificationModule(url: string | undefined, from: string): InputConfigModules[number] {
  const provider = url
    ? {
        resolve: "./src/modules/email-notification/smtp",
        id: "smtp",
        options: { channels: ["email"], url, from },
      }
    : {
        resolve: "./src/modules/email-notification/log",
        id: "log",
        options: { channels: ["email"] },
      }
  return { resolve: "@medusajs/medusa/notification", options: { providers: [provider] } }
}

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    redisUrl,
    workerMode: process.env.MEDUSA_WORKER_MODE as "shared" | "worker" | "server" | undefined,
    http: {
      storeCors,
      adminCors,
      authCors: process.env.AUTH_CORS || `${storeCors},${adminCors}`,
      // Left undefined when unset: Medusa then refuses to start in production and
      // falls back to a development default (with a warning) otherwise.
      jwtSecret: process.env.JWT_SECRET,
      cookieSecret: process.env.COOKIE_SECRET,
    },
  },
  admin: {
    disable: process.env.DISABLE_MEDUSA_ADMIN === "true",
    backendUrl: process.env.MEDUSA_BACKEND_URL,
  },
  modules: [
    ...infrastructureModules(redisUrl),
    notificationModule(smtpUrl, emailFrom),
    { resolve: "./src/modules/identity" },
  ],
})
