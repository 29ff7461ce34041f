import http from "node:http"
import type { AxiosInstance, AxiosRequestConfig, AxiosResponse } from "axios"
import type { ConfigModule, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { REVIEW_MODULE } from "../../src/modules/review"
import type ReviewModuleService from "../../src/modules/review/service"
import type { FuzzOperation, OpenApiOperation } from "./fuzz"

/** Axios options for requests whose status the test inspects itself. */
export const anyStatus = { validateStatus: () => true }

export type RequestHeaders = Record<string, string>

/** Axios options for a caller: its headers (none: anonymous), any status. */
export function asCaller(headers?: RequestHeaders) {
  return { headers: headers ?? {}, ...anyStatus }
}

/** A refusal as the API promises it: one of `status`, JSON in the shared error shape. */
export function expectCleanError(response: AxiosResponse, status: number | number[]): void {
  const allowed = [status].flat()
  // The status itself when allowed; otherwise what was wanted, for a readable failure.
  const wanted = allowed.length === 1 ? allowed[0] : allowed.join(" or ")
  const expected = allowed.includes(response.status) ? response.status : wanted
  expect({ status: response.status, shapeProblem: errorShapeProblem(response) }).toEqual({
    status: expected,
    shapeProblem: undefined,
  })
}

/** Every operation the live /openapi.json documents. */
export async function listOperations(api: AxiosInstance): Promise<FuzzOperation[]> {
  const { data } = await api.get("/openapi.json")
  return Object.entries(data.paths as Record<string, Record<string, OpenApiOperation>>).flatMap(
    ([path, ops]) => Object.entries(ops).map(([method, operation]) => ({ method, path, operation }))
  )
}

/** An operation's path with every `{param}` set to an id that exists nowhere. */
export function fillPathParams(path: string): string {
  return path.replace(/\{[^}]+\}/g, "sec_does_not_exist")
}

/** The server's JWT signing secret, to sign tokens whose claims a test chooses. */
export function jwtSecretOf(container: MedusaContainer): string {
  return String(
    container.resolve<ConfigModule>(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig.http
      .jwtSecret
  )
}

/**
 * An access token's claims as Medusa and the engine issue them, for `actorId` in the
 * module `actorType` names; `expires: false` leaves out `exp` (a token valid forever).
 */
export function actorClaims(
  actorType: "customer" | "user",
  actorId: string,
  { expires = true }: { expires?: boolean } = {}
): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000)
  return {
    actor_id: actorId,
    actor_type: actorType,
    auth_identity_id: `authid_${actorId}`,
    app_metadata: { [`${actorType}_id`]: actorId },
    iat: now,
    ...(expires ? { exp: now + 600 } : {}),
  }
}

/**
 * Axios options that send a request from another loopback address (Linux routes all of
 * 127.0.0.0/8 to the host), so one test can be many clients without a proxy: the server
 * sees each address as its own TCP peer.
 */
export function fromAddress(api: AxiosInstance, address: string): AxiosRequestConfig {
  const url = new URL(String(api.defaults.baseURL))
  url.hostname = "127.0.0.1"
  return { baseURL: url.origin, httpAgent: new http.Agent({ localAddress: address }) }
}

/**
 * Why a response breaks the engine's error contract, or undefined when it keeps it: an
 * error (4xx) is JSON with a string `type` and `message` (src/api/utils/errors.ts).
 */
export function errorShapeProblem(response: AxiosResponse): string | undefined {
  if (response.status < 400) {
    return undefined
  }
  const contentType = String(response.headers["content-type"] ?? "")
  if (!contentType.includes("application/json")) {
    return `${response.status} with content type "${contentType}"`
  }
  let body: unknown = response.data
  if (typeof body === "string") {
    try {
      body = JSON.parse(body)
    } catch {
      return `${response.status} with a body that is not JSON`
    }
  }
  const { type, message } = (body ?? {}) as { type?: unknown; message?: unknown }
  if (typeof type !== "string" || typeof message !== "string") {
    return `${response.status} without string type and message: ${JSON.stringify(body).slice(0, 200)}`
  }
  return undefined
}

export type StateFingerprint = Record<
  "products" | "orders" | "carts" | "customers" | "users" | "reviews",
  number
>

/**
 * A cheap picture of what requests could have changed: row counts of the records a
 * hostile request would create or delete. Equal before and after a refused request means
 * the refusal changed nothing countable.
 */
export async function stateFingerprint(container: MedusaContainer): Promise<StateFingerprint> {
  const one = { take: 1 }
  const [[, products], [, orders], [, carts], [, customers], [, users], [, reviews]] =
    await Promise.all([
      container.resolve(Modules.PRODUCT).listAndCountProducts({}, one),
      container.resolve(Modules.ORDER).listAndCountOrders({}, one),
      container.resolve(Modules.CART).listAndCountCarts({}, one),
      container.resolve(Modules.CUSTOMER).listAndCountCustomers({}, one),
      container.resolve(Modules.USER).listAndCountUsers({}, one),
      container.resolve<ReviewModuleService>(REVIEW_MODULE).listAndCountReviews({}, one),
    ])
  return { products, orders, carts, customers, users, reviews }
}
