import type { AxiosInstance, AxiosRequestConfig } from "axios"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { Shopper } from "./commerce"
import { TEST_ADDRESS } from "./commerce"

const anyStatus = { validateStatus: () => true }

/** Puts `quantity` of a product in the shopper's cart and checks it out (any outcome). */
export async function addAndCheckout(
  api: AxiosInstance,
  shopper: Shopper,
  productId: string,
  quantity = 1
) {
  const added = await api.post(
    "/cart/add",
    { product_id: productId, quantity },
    { headers: shopper.headers, ...anyStatus }
  )
  if (added.status !== 200) {
    throw new Error(`add to cart: ${added.status} ${JSON.stringify(added.data)}`)
  }
  return api.post(
    "/cart/checkout",
    { shipping_address: TEST_ADDRESS },
    { headers: shopper.headers, ...anyStatus }
  )
}

/** Stocked, reserved and available units of a product's (first) inventory item, all locations. */
export async function stockOf(container: MedusaContainer, productId: string) {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "product",
    fields: ["variants.inventory_items.inventory_item_id"],
    filters: { id: productId },
  })
  const product = data[0] as {
    variants: { inventory_items: { inventory_item_id: string }[] }[]
  }
  const itemId = product.variants[0].inventory_items[0].inventory_item_id
  const levels = await container
    .resolve(Modules.INVENTORY)
    .listInventoryLevels({ inventory_item_id: itemId })
  const sum = (key: "stocked_quantity" | "reserved_quantity") =>
    levels.reduce((total, level) => total + Number(level[key]), 0)
  const stocked = sum("stocked_quantity")
  const reserved = sum("reserved_quantity")
  return { inventoryItemId: itemId, stocked, reserved, available: stocked - reserved }
}

/**
 * An order placed the way a storefront using only Medusa's store API places one: cart,
 * line, address, shipping method, system payment session, then /store/carts/{id}/complete.
 */
export async function completeCartThroughMedusa(
  api: AxiosInstance,
  storeHeaders: Record<string, string>,
  shopper: Shopper,
  variantId: string,
  quantity = 1
): Promise<{ orderId: string }> {
  const headers = { ...storeHeaders, ...shopper.headers }
  const { data: regions } = await api.get("/store/regions", { headers })
  const region = regions.regions.find((r: { currency_code: string }) => r.currency_code === "usd")
  const { data: created } = await api.post(
    "/store/carts",
    {
      region_id: region.id,
      email: shopper.email,
      shipping_address: TEST_ADDRESS,
      billing_address: TEST_ADDRESS,
      items: [{ variant_id: variantId, quantity }],
    },
    { headers }
  )
  const cartId = created.cart.id
  const { data: options } = await api.get(`/store/shipping-options?cart_id=${cartId}`, { headers })
  await api.post(
    `/store/carts/${cartId}/shipping-methods`,
    { option_id: options.shipping_options[0].id },
    { headers }
  )
  const { data: collection } = await api.post(
    "/store/payment-collections",
    { cart_id: cartId },
    { headers }
  )
  await api.post(
    `/store/payment-collections/${collection.payment_collection.id}/payment-sessions`,
    { provider_id: "pp_system_default" },
    { headers }
  )
  const { data: completed } = await api.post(`/store/carts/${cartId}/complete`, {}, { headers })
  if (completed.type !== "order") {
    throw new Error(`cart completion: ${JSON.stringify(completed)}`)
  }
  return { orderId: completed.order.id }
}

/**
 * A cart made through Medusa's `POST /store/carts` in the USD region with one unit of the
 * variant, as `config` calls it (the publishable key, and a customer's token if any).
 */
export async function openStoreCart<Cart = { id: string; email: string; customer_id: string }>(
  api: AxiosInstance,
  config: AxiosRequestConfig,
  cart: { variantId: string; email: string }
): Promise<Cart> {
  const { data } = await api.get("/store/regions", config)
  const region = data.regions.find((r: { currency_code: string }) => r.currency_code === "usd")
  const created = await api.post(
    "/store/carts",
    {
      region_id: region.id,
      email: cart.email,
      shipping_address: TEST_ADDRESS,
      items: [{ variant_id: cart.variantId, quantity: 1 }],
    },
    config
  )
  if (created.status !== 200) {
    throw new Error(`POST /store/carts: ${created.status} ${JSON.stringify(created.data)}`)
  }
  return created.data.cart as Cart
}
