import path from "node:path"
import { defineConfig, loadEnv, MedusaError } from "@medusajs/framework/utils"
import type { InputConfigModules } from "@medusajs/framework/types"
import pg from "pg"
import { readCatalogSettings, type CatalogSettings } from "./src/config/catalog"
import {
  applyDatabaseApplicationName,
  applyDatabaseTimeouts,
  readDatabasePoolMax,
  readDatabaseTimeouts,
} from "./src/config/database"
import { applyConnectionUrls } from "./src/config/connection-urls"
import { readEventBusRetries } from "./src/config/event-bus"
import { readHttpCompressionThreshold } from "./src/config/http"
import { readPlatformSettings, type PlatformSettings } from "./src/config/platform"
import { assertProductionSecrets } from "./src/config/secrets"
import type { PlatformModuleOptions } from "./src/modules/platform/types"

/**
 * The project's own modules by absolute path: Medusa resolves relative paths against the
 * working directory, which is not the project root for the test fixture app
 * (integration-tests/fixtures) and is .medusa/server for the built server.
 */
function localModule(relativePath: string): string {
  return path.join(__dirname, relativePath)
}

loadEnv(process.env.NODE_ENV || "development", process.cwd())
// DATABASE_URL / REDIS_URL from DATABASE_* / REDIS_* parts when unset (ECS on AWS, infra/).
applyConnectionUrls(process.env)

const DEFAULT_STORE_CORS = "http://localhost:8000,http://localhost:3000"
const DEFAULT_ADMIN_CORS = "http://localhost:5173,http://localhost:9000"
const DEFAULT_EMAIL_FROM = "Commerce Engine <no-reply@localhost>"
const DEFAULT_OAUTH_CALLBACK_BASE_URL = "http://localhost:9000"

// Production refuses missing, published or short JWT/cookie secrets (docs/SECURITY.md).
assertProductionSecrets(process.env)
const platformSettings = readPlatformSettings(process.env)
// Statement, lock and query time-outs for every PostgreSQL connection (src/config/database.ts).
const databaseTimeouts = readDatabaseTimeouts(process.env)
const databasePoolMax = readDatabasePoolMax(process.env)
applyDatabaseTimeouts(pg.defaults, databaseTimeouts)
applyDatabaseApplicationName(pg.defaults)
const redisUrl = platformSettings.redisUrl
const eventBusConcurrency = Number(process.env.EVENT_BUS_CONCURRENCY || 10)
if (!Number.isInteger(eventBusConcurrency) || eventBusConcurrency < 1) {
  throw new MedusaError(
    MedusaError.Types.INVALID_ARGUMENT,
    `EVENT_BUS_CONCURRENCY must be a positive integer, got "${process.env.EVENT_BUS_CONCURRENCY}"`
  )
}
// Below ~1 KB an answer fits one TCP packet whatever its encoding (docs/HTTP-CACHING.md).
const httpCompressionThreshold = readHttpCompressionThreshold()
const eventBusRetries = readEventBusRetries(process.env)
const storeCors = process.env.STORE_CORS || DEFAULT_STORE_CORS
const adminCors = process.env.ADMIN_CORS || DEFAULT_ADMIN_CORS
const smtpUrl = process.env.SMTP_URL || undefined
const emailFrom = process.env.EMAIL_FROM || DEFAULT_EMAIL_FROM

/**
 * Infrastructure modules: Redis-backed when REDIS_URL is set (so several server and
 * worker processes share events, workflow state, locks and cache), Medusa's in-memory
 * defaults otherwise (its locks with keys taken in one order). Medusa's caching module is
 * not registered: the catalog's shared cache (L2) lives in the platform module
 * (src/modules/platform/shared-cache.ts says why).
 */
function infrastructureModules(url: string | undefined): InputConfigModules {
  if (!url) {
    return [
      {
        resolve: "@medusajs/medusa/locking",
        options: {
          providers: [
            {
              // Medusa's in-memory provider, several keys taken in one order so that two
              // callers never hold one each of the other's (src/modules/locking-memory).
              resolve: localModule("src/modules/locking-memory"),
              id: "in-memory-ordered",
              is_default: true,
            },
          ],
        },
      },
    ]
  }
  return [
    {
      // Medusa's cache module: it holds OAuth state between redirect and callback, which
      // must be shared when the callback lands on another instance.
      resolve: "@medusajs/medusa/cache-redis",
      options: { redisUrl: url },
    },
    {
      resolve: "@medusajs/medusa/event-bus-redis",
      options: {
        redisUrl: url,
        // BullMQ handles one event at a time per process by default; a product write
        // alone emits half a dozen events, so subscribers would queue up behind each other.
        workerOptions: { concurrency: eventBusConcurrency },
        // Medusa's default is one attempt: a subscriber that throws (a deadlock, a
        // restarting database) would lose its event. Retries re-run only the subscribers
        // that failed, with a growing delay (src/config/event-bus.ts).
        jobOptions: {
          attempts: eventBusRetries.attempts,
          backoff: { type: "exponential", delay: eventBusRetries.delayMs },
        },
      },
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
            // Medusa's Redis provider, whose acquisition also succeeds when the key is
            // already this caller's: one re-sent after a lost reply no longer waits on
            // itself until its time-out (src/modules/locking-redis).
            resolve: localModule("src/modules/locking-redis"),
            id: "locking-redis",
            is_default: true,
            options: { redisUrl: url },
          },
        ],
      },
    },
  ]
}

/**
 * The platform module (`src/modules/platform`, docs/PLATFORM.md): the engine's own Redis
 * connections, token revocations and the catalog read cache, closed on shutdown.
 */
function platformModule(
  platform: PlatformSettings,
  catalog: CatalogSettings
): InputConfigModules[number] {
  const options: PlatformModuleOptions = {
    redisUrl: platform.redisUrl,
    catalogCache: { entries: catalog.cacheEntries, ttlMs: catalog.cacheTtlMs },
    databaseAcquireTimeoutMs: databaseTimeouts.acquireTimeoutMs,
  }
  return { resolve: localModule("src/modules/platform"), options }
}

/**
 * Notification module: the `email` channel goes through SMTP when SMTP_URL is set, and to
 * the log otherwise (development: links in emails can be followed from the console);
 * the `feed` channel is the admin dashboard's notification bell (docs/NOTIFICATIONS.md).
 */
function notificationModule(url: string | undefined, from: string): InputConfigModules[number] {
  const provider = url
    ? {
        resolve: localModule("src/modules/email-notification/smtp"),
        id: "smtp",
        options: { channels: ["email"], url, from },
      }
    : {
        resolve: localModule("src/modules/email-notification/log"),
        id: "log",
        options: { channels: ["email"] },
      }
  // The dashboard's notification bell lists the `feed` channel (low-stock alerts):
  // Medusa's local provider only records them, the dashboard reads the records.
  const feed = {
    resolve: "@medusajs/medusa/notification-local",
    id: "feed",
    options: { channels: ["feed"] },
  }
  return { resolve: "@medusajs/medusa/notification", options: { providers: [provider, feed] } }
}

/**
 * Payment module: Stripe (Medusa's provider, `src/modules/stripe-payment`) when
 * STRIPE_API_KEY is set, with its webhook secret (required: 3-D Secure and delayed
 * payments only finish through webhooks) and STRIPE_API_URL for a fake Stripe; Medusa's
 * system provider alone otherwise, so development works offline. Payments are captured
 * when the customer confirms (docs/PAYMENTS.md). Medusa processes webhooks 5 s after they
 * arrive, with 3 attempts (its `webhook_delay`/`webhook_retries` options are not read in
 * 2.21: the route looks for options the module service does not keep).
 */
function paymentModule(env: NodeJS.ProcessEnv): InputConfigModules[number] {
  const apiKey = env.STRIPE_API_KEY || undefined
  const webhookSecret = env.STRIPE_WEBHOOK_SECRET || undefined
  if (apiKey && !webhookSecret) {
    throw new MedusaError(
      MedusaError.Types.INVALID_ARGUMENT,
      "Set STRIPE_WEBHOOK_SECRET with STRIPE_API_KEY (the signing secret of the webhook endpoint)"
    )
  }
  const providers = apiKey
    ? [
        {
          resolve: localModule("src/modules/stripe-payment"),
          id: "stripe",
          options: {
            apiKey,
            webhookSecret,
            apiUrl: env.STRIPE_API_URL || undefined,
            capture: true,
          },
        },
      ]
    : []
  return {
    resolve: "@medusajs/medusa/payment",
    options: { providers },
  }
}

/** A provider's client id and secret: both or neither. */
function oauthClient(env: NodeJS.ProcessEnv, prefix: "GOOGLE" | "GITHUB") {
  const clientId = env[`${prefix}_CLIENT_ID`] || undefined
  const clientSecret = env[`${prefix}_CLIENT_SECRET`] || undefined
  if (Boolean(clientId) !== Boolean(clientSecret)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_ARGUMENT,
      `Set both ${prefix}_CLIENT_ID and ${prefix}_CLIENT_SECRET, or neither`
    )
  }
  return clientId && clientSecret ? { clientId, clientSecret } : undefined
}

/**
 * Auth module: Medusa's default (emailpass only) unless Google or GitHub sign-in is
 * configured; then emailpass plus each configured provider (`src/modules/oauth/*`, the
 * Medusa packages with configurable endpoints), calling back to
 * `${OAUTH_CALLBACK_BASE_URL}/auth/oauth/{provider}/callback`.
 */
function authModules(env: NodeJS.ProcessEnv): InputConfigModules {
  const base = (env.OAUTH_CALLBACK_BASE_URL || DEFAULT_OAUTH_CALLBACK_BASE_URL).replace(/\/+$/, "")
  const callbackUrl = (provider: string) => `${base}/auth/oauth/${provider}/callback`
  const google = oauthClient(env, "GOOGLE")
  const github = oauthClient(env, "GITHUB")
  if (!google && !github) {
    return []
  }
  const providers: { resolve: string; id: string; options?: Record<string, unknown> }[] = [
    { resolve: "@medusajs/medusa/auth-emailpass", id: "emailpass" },
  ]
  if (google) {
    providers.push({
      resolve: localModule("src/modules/oauth/google"),
      id: "google",
      options: {
        ...google,
        callbackUrl: callbackUrl("google"),
        authorizeUrl: env.GOOGLE_AUTH_URL || undefined,
        tokenUrl: env.GOOGLE_TOKEN_URL || undefined,
        certsUrl: env.GOOGLE_CERTS_URL || undefined,
      },
    })
  }
  if (github) {
    providers.push({
      resolve: localModule("src/modules/oauth/github"),
      id: "github",
      options: {
        ...github,
        callbackUrl: callbackUrl("github"),
        authorizeUrl: env.GITHUB_AUTHORIZE_URL || undefined,
        tokenUrl: env.GITHUB_TOKEN_URL || undefined,
        apiUrl: env.GITHUB_API_URL || undefined,
      },
    })
  }
  return [{ resolve: "@medusajs/medusa/auth", options: { providers } }]
}

/**
 * File module (product images): Amazon S3 or an S3-compatible store when S3_BUCKET is
 * set, else Medusa's local provider, which writes to `static/` and is served by Medusa at
 * `/static` (URLs start with `${MEDUSA_BACKEND_URL}/static`).
 */
function fileModule(env: NodeJS.ProcessEnv): InputConfigModules[number] {
  const bucket = env.S3_BUCKET || undefined
  if (!bucket) {
    const backendUrl = (env.MEDUSA_BACKEND_URL || `http://localhost:${env.PORT || 9000}`).replace(
      /\/+$/,
      ""
    )
    return {
      resolve: "@medusajs/medusa/file",
      options: {
        providers: [
          {
            resolve: "@medusajs/medusa/file-local",
            id: "local",
            options: { backend_url: `${backendUrl}/static` },
          },
        ],
      },
    }
  }
  const region = env.S3_REGION || undefined
  if (!region) {
    throw new MedusaError(MedusaError.Types.INVALID_ARGUMENT, "Set S3_REGION with S3_BUCKET")
  }
  const accessKeyId = env.S3_ACCESS_KEY_ID || undefined
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY || undefined
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_ARGUMENT,
      "Set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither (IAM role)"
    )
  }
  const endpoint = env.S3_ENDPOINT || undefined
  return {
    resolve: "@medusajs/medusa/file",
    options: {
      providers: [
        {
          resolve: "@medusajs/medusa/file-s3",
          id: "s3",
          options: {
            bucket,
            region,
            endpoint,
            file_url: (
              env.S3_FILE_URL ||
              (endpoint ? `${endpoint}/${bucket}` : `https://${bucket}.s3.${region}.amazonaws.com`)
            ).replace(/\/+$/, ""),
            ...(accessKeyId
              ? { access_key_id: accessKeyId, secret_access_key: secretAccessKey }
              : { authentication_method: "s3-iam-role" }),
            // S3_ACL=false: no ACL header, for buckets that disable ACLs (Object Ownership
            // "bucket owner enforced", as infra/ creates it behind CloudFront).
            ...(env.S3_ACL ? { acl: env.S3_ACL === "false" ? false : env.S3_ACL } : {}),
            // S3-compatible servers (MinIO, Ceph) usually want path-style addressing.
            additional_client_config: endpoint ? { forcePathStyle: true } : {},
          },
        },
      ],
    },
  }
}

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    ...(databasePoolMax ? { databaseDriverOptions: { pool: { max: databasePoolMax } } } : {}),
    redisUrl,
    workerMode: process.env.MEDUSA_WORKER_MODE as "shared" | "worker" | "server" | undefined,
    http: {
      storeCors,
      adminCors,
      authCors: process.env.AUTH_CORS || `${storeCors},${adminCors}`,
      // Left undefined when unset: production refuses that (above); elsewhere Medusa
      // falls back to its development default. `npm run dev` sets generated ones.
      jwtSecret: process.env.JWT_SECRET,
      cookieSecret: process.env.COOKIE_SECRET,
      // Medusa's `compression` middleware for every route (gzip or br, negotiated; br at
      // quality 4): JSON of HTTP_COMPRESSION_THRESHOLD bytes or more. Server-Sent Events
      // send `no-transform` and stay uncompressed (docs/HTTP-CACHING.md).
      compression: { enabled: true, threshold: httpCompressionThreshold, level: 6 },
    },
  },
  admin: {
    disable: process.env.DISABLE_MEDUSA_ADMIN === "true",
    backendUrl: process.env.MEDUSA_BACKEND_URL,
  },
  modules: [
    ...infrastructureModules(redisUrl),
    platformModule(platformSettings, readCatalogSettings(process.env)),
    notificationModule(smtpUrl, emailFrom),
    fileModule(process.env),
    paymentModule(process.env),
    ...authModules(process.env),
    { resolve: localModule("src/modules/identity") },
    { resolve: localModule("src/modules/catalog") },
    { resolve: localModule("src/modules/review") },
    { resolve: localModule("src/modules/order-lifecycle") },
    { resolve: localModule("src/modules/idempotency") },
    { resolve: localModule("src/modules/payment-ledger") },
    { resolve: localModule("src/modules/analytics") },
    { resolve: localModule("src/modules/notification-ledger") },
    { resolve: localModule("src/modules/recommendation") },
  ],
})
