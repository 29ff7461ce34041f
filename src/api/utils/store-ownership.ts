import type {
  AuthenticatedMedusaRequest,
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import {
  mayUseStoreResources,
  type StoreResourceIds,
} from "../../queries/order/store-ownership-access"
import { sendError } from "./respond"

/**
 * `/store/<kind>/<id>` and everything below it. Express matches routes case-insensitively
 * and ignores a trailing slash, so the guard does too; ids keep their case.
 */
const STORE_RESOURCE = /^\/store\/(carts|orders|payment-collections)\/([^/]+)/i

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

function stringField(source: unknown, key: string): string | undefined {
  const value = (source as Record<string, unknown> | undefined)?.[key]
  return typeof value === "string" && value ? value : undefined
}

/**
 * The carts, orders and payment collections a /store request acts on: the one in its
 * path, and a `cart_id` or `order_id` in its query or body (shipping options and their
 * prices for a cart, payment collections for a cart, returns of an order).
 */
export function storeResourceIds(req: MedusaRequest): StoreResourceIds {
  const ids: StoreResourceIds = { carts: [], orders: [], paymentCollections: [] }
  const match = STORE_RESOURCE.exec(req.path)
  if (match) {
    const kind = match[1].toLowerCase()
    const id = decoded(match[2])
    if (kind === "carts") {
      ids.carts.push(id)
    } else if (kind === "orders") {
      ids.orders.push(id)
    } else {
      ids.paymentCollections.push(id)
    }
  }
  for (const source of [req.query, req.body]) {
    const cartId = stringField(source, "cart_id")
    const orderId = stringField(source, "order_id")
    if (cartId) {
      ids.carts.push(cartId)
    }
    if (orderId) {
      ids.orders.push(orderId)
    }
  }
  return ids
}

/** The signed-in customer of a /store request (Medusa's store authentication set it). */
function customerOf(req: MedusaRequest): string | undefined {
  const context = (req as Partial<AuthenticatedMedusaRequest>).auth_context
  return context?.actor_type === "customer" && context.actor_id ? context.actor_id : undefined
}

/**
 * "Not yours → 404" on Medusa's /store routes, which check no owner: a cart or order that
 * belongs to a registered customer (and a payment collection of one) is refused to anyone
 * else, signed in or not, exactly like an unknown id. Guest carts and orders keep Medusa's
 * id-as-secret model. One indexed statement per request that names such a record; admins
 * use /admin (docs/SECURITY.md).
 */
export async function guardStoreOwnership(
  req: MedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction
): Promise<void> {
  if (!/^\/store\//i.test(req.path)) {
    return next()
  }
  const ids = storeResourceIds(req)
  if (await mayUseStoreResources(req.scope, customerOf(req), ids)) {
    return next()
  }
  sendError(res, 404, { type: "not_found", message: "Not found" })
}
