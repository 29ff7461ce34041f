import { getAuthContextFromJwtToken } from "@medusajs/framework/http"
import type {
  AuthenticatedMedusaRequest,
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import type { ConfigModule, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createSecretKey, timingSafeEqual, type KeyObject } from "node:crypto"
import type { Access } from "./contract"
import { PLATFORM_MODULE } from "../../modules/platform"
import type PlatformModuleService from "../../modules/platform/service"
import type { RevocationClaims } from "../../modules/platform/types"
import { tokenActorExists } from "../../queries/identity/actor-access"
import { sendError } from "./respond"
import { platformSettings } from "../../config/platform"
import type { Actor } from "../../utils/actor"

export type { Actor }

/** The caller of an engine route: a shopper (Medusa customer) or an admin (Medusa user). */

const ACTOR_TYPES = ["customer", "user"]

type HttpConfig = ConfigModule["projectConfig"]["http"]

const secretKeys = new Map<string, KeyObject>()

/**
 * The key to verify with. A string secret is turned into a KeyObject once: given a
 * string, jsonwebtoken first tries to parse it as a PEM public key, and that failed
 * parse costs about 0.7 ms per request on OpenSSL 3 (bench/token-verify.ts).
 */
function verificationKey(http: HttpConfig): HttpConfig["jwtSecret"] {
  if (http.jwtPublicKey || typeof http.jwtSecret !== "string") {
    return http.jwtSecret
  }
  let key = secretKeys.get(http.jwtSecret)
  if (!key) {
    key = createSecretKey(Buffer.from(http.jwtSecret))
    secretKeys.set(http.jwtSecret, key)
  }
  return key
}

/** Whether the token's session or actor was revoked (the platform module; per request). */
function isTokenRevoked(container: MedusaContainer, claims: RevocationClaims): Promise<boolean> {
  return container.resolve<PlatformModuleService>(PLATFORM_MODULE).isTokenRevoked(claims)
}

type AuthContext = NonNullable<ReturnType<typeof getAuthContextFromJwtToken>>

/**
 * The verified claims of an `Authorization: Bearer …` header, with Medusa's own
 * verification (its jwtSecret or public key and verify options), so the tokens the engine
 * issues are the ones Medusa's /store and /admin routes accept. A present but invalid
 * token (expired, tampered, `alg: none`, wrong key, unknown actor type, revoked) is a 401.
 */
async function verifyBearer(container: MedusaContainer, header: string): Promise<AuthContext> {
  const { http } = container.resolve<ConfigModule>(
    ContainerRegistrationKeys.CONFIG_MODULE
  ).projectConfig
  const context = getAuthContextFromJwtToken(
    header,
    verificationKey(http) as string,
    ["bearer"],
    ACTOR_TYPES,
    http.jwtPublicKey,
    http.jwtVerifyOptions ?? http.jwtOptions
  )
  if (!context?.actor_id || !(await isTokenAcceptable(container, context))) {
    throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Invalid or expired access token")
  }
  return context
}

function actorOfContext(context: AuthContext): Actor {
  return {
    role: context.actor_type === "user" ? "admin" : "customer",
    id: context.actor_id,
    authIdentityId: context.auth_identity_id,
  }
}

/**
 * The actor of a request that does not pass through express (a WebSocket upgrade): the
 * same verification as the contract routes. No header is a 401 too.
 */
export async function actorFromAuthorization(
  container: MedusaContainer,
  header: string | undefined
): Promise<Actor> {
  if (!header) {
    throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Authentication required")
  }
  return actorOfContext(await verifyBearer(container, header))
}

/**
 * The rules every verified access token must also meet (docs/SECURITY.md, "Trust
 * settings"): it expires (`exp`: a token without one would be valid forever, whatever
 * the signer meant), it is not revoked, and its actor exists in the module its
 * `actor_type` names (a `user` claim on a customer's id is no admin).
 */
async function isTokenAcceptable(
  container: MedusaContainer,
  claims: RevocationClaims & { exp?: unknown; actor_type?: unknown }
): Promise<boolean> {
  if (typeof claims.exp !== "number") {
    return false
  }
  if (await isTokenRevoked(container, claims)) {
    return false
  }
  return tokenActorExists(container, claims.actor_type, claims.actor_id)
}

function authContextOf(req: MedusaRequest) {
  return (req as Partial<AuthenticatedMedusaRequest>).auth_context
}

export function actorOf(req: MedusaRequest): Actor | undefined {
  const context = authContextOf(req)
  if (!context?.actor_id) {
    return undefined
  }
  return actorOfContext(context)
}

/** The actor of a route whose guard already required one. */
export function requireActorOf(req: MedusaRequest): Actor {
  const actor = actorOf(req)
  if (!actor) {
    throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Authentication required")
  }
  return actor
}

/**
 * Reads the Bearer access token, if any, with Medusa's own verification (its jwtSecret or
 * public key and verify options), so the tokens the engine issues are the ones Medusa's
 * /store and /admin routes accept. A present but invalid token (expired, tampered,
 * `alg: none`, wrong key, unknown actor type) is a 401, never an anonymous request.
 */
export async function resolveActor(
  req: MedusaRequest,
  _res: MedusaResponse,
  next: MedusaNextFunction
): Promise<void> {
  const header = req.headers.authorization
  if (!header) {
    return next()
  }
  try {
    ;(req as AuthenticatedMedusaRequest).auth_context = await verifyBearer(req.scope, header)
  } catch (error) {
    return next(error)
  }
  next()
}

/** The claims of a Bearer token Medusa has already verified (it set auth_context). */
function bearerClaims(header: string | undefined): Record<string, unknown> | undefined {
  const token = header?.match(/^Bearer\s+(\S+)$/i)?.[1]
  const payload = token?.split(".")[1]
  if (!payload) {
    return undefined
  }
  try {
    return JSON.parse(Buffer.from(payload, "base64url").toString("utf8"))
  } catch {
    return undefined
  }
}

/** The auth context a dashboard session cookie carries (POST /auth/session stored the token's). */
function sessionClaims(req: MedusaRequest): Record<string, unknown> | undefined {
  const session = (req as { session?: { auth_context?: Record<string, unknown> } }).session
  return session?.auth_context
}

/** Ends a revoked cookie session in its store, so it is gone on every instance. */
function destroySession(req: MedusaRequest): Promise<void> {
  const session = (req as { session?: { destroy?: (done: (error?: unknown) => void) => void } })
    .session
  return new Promise((resolve) => {
    if (typeof session?.destroy !== "function") {
      return resolve()
    }
    session.destroy(() => resolve())
  })
}

/**
 * The same token rules on Medusa's own routes: Medusa verified the Bearer token, or read
 * the dashboard's session cookie, and set the actor before any project middleware; before
 * its route runs, a Bearer token without `exp`, a logged-out session, a deactivated actor
 * or an actor missing from its module is refused here with a 401. A cookie session keeps
 * the claims of the token it was made from (`iat`, and `sid` for the engine's tokens), so
 * it falls with that token's session or actor; a revoked cookie session is also destroyed
 * in the session store. (A session has no `exp` of its own: its cookie expires.)
 */
export async function rejectRevokedMedusaTokens(
  req: MedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction
): Promise<void> {
  const actorId = authContextOf(req)?.actor_id
  if (!actorId) {
    return next()
  }
  // Medusa prefers the session over the Bearer token: check whichever it used.
  const fromSession = sessionClaims(req)
  const usedSession = fromSession?.actor_id === actorId
  const claims = usedSession ? fromSession : bearerClaims(req.headers.authorization)
  const refused =
    !!claims &&
    claims.actor_id === actorId &&
    (usedSession
      ? await isTokenRevoked(req.scope, claims)
      : !(await isTokenAcceptable(req.scope, claims)))
  if (refused) {
    if (usedSession) {
      await destroySession(req)
    }
    sendError(res, 401, { type: "unauthorized", message: "Unauthorized" })
    return
  }
  next()
}

function guard(
  check: (actor: Actor | undefined) => void,
  checkRequest?: (req: MedusaRequest) => void
) {
  return function accessGuard(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
    try {
      check(actorOf(req))
      checkRequest?.(req)
      next()
    } catch (error) {
      next(error)
    }
  }
}

function requireRole(role: Actor["role"] | undefined) {
  return guard((actor) => {
    if (!actor) {
      throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Authentication required")
    }
    if (role && actor.role !== role) {
      throw new MedusaError(
        MedusaError.Types.FORBIDDEN,
        role === "admin" ? "Admins only" : "Customers only"
      )
    }
  })
}

/** Anyone; the actor, if a valid token was sent, is available through actorOf(req). */
export const optionalAuth = guard(() => undefined)
export const requireAuthenticated = requireRole(undefined)
export const requireCustomer = requireRole("customer")
export const requireAdmin = requireRole("admin")

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** Bearer METRICS_TOKEN when one is configured; anyone otherwise. */
export const requireMetricsToken = guard(
  () => undefined,
  (req) => {
    const expected = platformSettings().metricsToken
    const given = req.headers.authorization?.replace(/^Bearer\s+/i, "") ?? ""
    if (expected && !sameSecret(given, expected)) {
      throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "A valid metrics token is required")
    }
  }
)

export function accessGuard(access: Access) {
  switch (access) {
    case "public":
      return optionalAuth
    case "authenticated":
      return requireAuthenticated
    case "customer":
      return requireCustomer
    case "admin":
      return requireAdmin
    case "metrics-token":
      return requireMetricsToken
  }
}
