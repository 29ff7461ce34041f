import {
  defineMiddlewares,
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
  type MiddlewareRoute,
  type MiddlewaresConfig,
} from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { accessGuard, rejectRevokedMedusaTokens, resolveActor } from "./auth"
import { requireBodyType } from "./body-type"
import {
  CONTRACT_PREFIXES,
  findContractRoute,
  isContractPath,
  isMedusaAdminPath,
  registerContractRoutes,
  type ContractRoute,
} from "./contract"
import { contractCors } from "./cors"
import { noStoreByDefault } from "./http-cache"
import { platformErrorHandler } from "./error-handler"
import { authIpRateLimit, authRateLimit, globalRateLimit } from "./rate-limit"
import { loginThrottle, medusaLoginThrottle } from "./login-throttle"
import { passwordCheckInLane } from "./password-check-lane"
import { prepareResponsesBeforeMedusa } from "./response-hygiene"
import { requestContext } from "./request-context"
import { countSqlStatements } from "./sql-statements"
import { refuseUnstorableInput } from "./storable-input"
import { refuseWritesWithoutRedis } from "./redis-gate"
import { guardStoreOwnership } from "./store-ownership"
import { enforceHttps, securityHeaders, trustProxy } from "./security"
import { attachLiveSockets, type LiveSocketRoute } from "./live-socket"
import { answerClientErrorsOfServer } from "./client-errors"
import { keepAliveOfServer } from "./keep-alive"
import { platformSettings } from "../../config/platform"
import { validateBody, validateQuery } from "./validation"
import { routeLanes } from "./route-lanes"
import { acceptLaneClient } from "./lane-client"
import { forwardWritesOfServer } from "./write-lane"

const NO_PARAMETERS = z.object({})
const METHODS_WITH_BODY = new Set(["POST", "PUT", "PATCH"])

/** Reads the access token on the engine's routes; Medusa authenticates its own. */
async function resolveContractActor(
  req: MedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction
): Promise<void> {
  if (!isContractPath(req.path) || isMedusaAdminPath(req.path)) {
    return rejectRevokedMedusaTokens(req, res, next)
  }
  if (findContractRoute(req.method, req.path)?.access === "metrics-token") {
    return next()
  }
  resolveActor(req, res, next)
}

/**
 * Medusa's own password sign-in (`/auth/customer/emailpass`, `/auth/user/emailpass`): the
 * same per-account failure throttle as POST /auth/login (its per-IP limit stays the global
 * one: the dashboard, the SDK and test set-ups sign in through it many times a minute).
 */
const MEDUSA_PASSWORD_SIGN_IN: MiddlewareRoute = {
  matcher: "/auth/:actor_type/emailpass",
  methods: ["POST"],
  middlewares: [medusaLoginThrottle, passwordCheckInLane],
}

/** Medusa's emailpass registration and password update hash the password too. */
const MEDUSA_PASSWORD_HASHING: MiddlewareRoute[] = ["register", "update"].map((action) => ({
  matcher: `/auth/:actor_type/emailpass/${action}`,
  methods: ["POST"],
  middlewares: [passwordCheckInLane],
}))

/** The middlewares one contract route runs: access, rate limit, body type, validation. */
export function contractRouteMiddlewares(route: ContractRoute): MiddlewareRoute {
  const takesBody = METHODS_WITH_BODY.has(route.method)
  const bodyTypes = route.bodyTypes ?? ["json"]
  const middlewares = [
    accessGuard(route.access),
    ...(route.rateLimit === "auth" ? [authRateLimit] : []),
    ...(route.rateLimit === "login" ? [authIpRateLimit] : []),
    ...(takesBody ? [requireBodyType(bodyTypes)] : []),
    // Multipart bodies are parsed (and checked) by the route's upload handling.
    ...(takesBody && !bodyTypes.includes("multipart")
      ? [validateBody(route.body ?? NO_PARAMETERS)]
      : []),
    validateQuery(route.query ?? NO_PARAMETERS),
    // After validation: the account is the validated email or username.
    ...(route.rateLimit === "login" ? [loginThrottle] : []),
  ]
  return {
    matcher: route.path,
    methods: [route.method],
    bodyParser: takesBody ? { sizeLimit: platformSettings().jsonBodyLimit } : undefined,
    middlewares,
  }
}

/**
 * The application's middlewares: the platform layer for every request (request id and
 * access log, WebSocket streams, security headers, no-store by default, HTTPS, CORS, global
 * rate limit, token), each contract
 * route's own middlewares, and the error handler. `src/api/middlewares.ts` exports this.
 */
export function definePlatformMiddlewares(
  routes: ContractRoute[],
  extra: MiddlewareRoute[] = [],
  socketRoutes: LiveSocketRoute[] = []
): MiddlewaresConfig {
  registerContractRoutes(routes)
  prepareResponsesBeforeMedusa()
  return defineMiddlewares({
    errorHandler: platformErrorHandler,
    routes: [
      {
        // No methods: registered with app.use("/") ahead of every route.
        matcher: "/",
        middlewares: [
          // A front process sends writes to the writers (write-lane.ts); a writer sees the
          // client the front saw (lane-client.ts).
          forwardWritesOfServer(),
          acceptLaneClient,
          // The engine's paths skip the layers of Medusa's routes (route-lanes.ts).
          routeLanes(CONTRACT_PREFIXES.map((prefix) => prefix.slice(1))),
          requestContext,
          // Requests Node's parser refuses answer in the shared shape (client-errors.ts).
          answerClientErrorsOfServer(),
          // Idle connections outlast a load balancer's (keep-alive.ts).
          keepAliveOfServer(),
          // WebSocket streams (docs/LIVE-UPDATES.md): attached to the server on its first request.
          attachLiveSockets(socketRoutes),
          countSqlStatements,
          trustProxy,
          securityHeaders,
          noStoreByDefault,
          enforceHttps,
          contractCors(),
          globalRateLimit,
          refuseUnstorableInput,
          refuseWritesWithoutRedis,
          resolveContractActor,
          guardStoreOwnership,
        ],
      },
      ...routes.map(contractRouteMiddlewares),
      MEDUSA_PASSWORD_SIGN_IN,
      ...MEDUSA_PASSWORD_HASHING,
      ...extra,
    ],
  })
}
