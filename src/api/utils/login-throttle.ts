import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PLATFORM_MODULE } from "../../modules/platform"
import type PlatformModuleService from "../../modules/platform/service"
import { emailFor } from "../../queries/identity/credentials"
import { platformSettings } from "../../config/platform"
import { LoginFailures } from "./login-failures"
import { sendError } from "./respond"

const byPlatform = new WeakMap<PlatformModuleService, LoginFailures>()

function loginFailures(req: MedusaRequest): LoginFailures {
  const platform = req.scope.resolve<PlatformModuleService>(PLATFORM_MODULE)
  let failures = byPlatform.get(platform)
  if (!failures) {
    failures = new LoginFailures(platformSettings().rateLimits.login, platform.redis())
    byPlatform.set(platform, failures)
  }
  return failures
}

/** The account of an attempt under way, so the route can clear it on success. */
const pending = new WeakMap<MedusaRequest, string>()

/**
 * Gates a sign-in on the account's failure count (src/api/utils/login-failures.ts): 429
 * with Retry-After while the account must wait, whatever address the attempt comes from.
 * The attempt counts as a failure until the response says otherwise: a 2xx clears the
 * account, so successful sign-ins never use up a limit, and a 503 (the password never
 * checked: the hashing lane was full, or a dependency was down) takes the attempt back.
 */
async function gate(
  req: MedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction,
  account: string | undefined
): Promise<void> {
  if (!platformSettings().rateLimits.enabled || !account) {
    return next()
  }
  const failures = loginFailures(req)
  const decision = await failures.begin(account)
  if (!decision.allowed) {
    const seconds = decision.retryAfterSeconds
    return sendError(
      res,
      429,
      {
        type: "too_many_requests",
        message: `Too many failed sign-ins for this account; retry in ${seconds} s`,
      },
      { "Retry-After": String(seconds) }
    )
  }
  pending.set(req, account)
  res.once("finish", () => {
    if (res.statusCode < 400) {
      void loginSucceeded(req)
    } else if (res.statusCode === 503) {
      // Never checked (shed by the hashing lane, or a dependency down): not a failure.
      void loginNotChecked(req, account)
    }
  })
  next()
}

/**
 * A successful sign-in clears the account's failures. Routes call it before answering, so
 * the client's next attempt sees the cleared count; for Medusa's own routes the response
 * status does it when sent.
 */
export async function loginSucceeded(req: MedusaRequest): Promise<void> {
  const account = pending.get(req)
  if (account) {
    pending.delete(req)
    await loginFailures(req).succeeded(account)
  }
}

/** Takes back the count of an attempt whose password was never checked. */
async function loginNotChecked(req: MedusaRequest, account: string): Promise<void> {
  pending.delete(req)
  await loginFailures(req).forgive(account)
}

/** The engine's POST /auth/login, after validation: email, or the username's email. */
export async function loginThrottle(
  req: MedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction
): Promise<void> {
  const body = (req.validatedBody ?? {}) as { email?: string; username?: string }
  const identifier = (body.email ?? body.username ?? "").trim().toLowerCase()
  // An unknown username is throttled under its own name, like any other account.
  const email = identifier
    ? await emailFor(req.scope, identifier).catch(() => undefined)
    : undefined
  const account = email ?? (identifier || undefined)
  return gate(req, res, next, account)
}

/**
 * Medusa's own password sign-in, `POST /auth/{customer|user}/emailpass`: the same count,
 * keyed by the same email, so neither route is a way around the other.
 */
export async function medusaLoginThrottle(
  req: MedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction
): Promise<void> {
  const email = (req.body as { email?: unknown } | undefined)?.email
  const account = typeof email === "string" ? email.trim().toLowerCase().slice(0, 254) : undefined
  return gate(req, res, next, account || undefined)
}
