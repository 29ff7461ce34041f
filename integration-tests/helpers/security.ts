import type { AxiosResponse } from "axios"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { REVIEW_MODULE } from "../../src/modules/review"
import type ReviewModuleService from "../../src/modules/review/service"

/** Axios options for requests whose status the test inspects itself. */
export const anyStatus = { validateStatus: () => true }

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
