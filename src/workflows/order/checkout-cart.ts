import {
  createWorkflow,
  parallelize,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { MathBN, Modules, OrderWorkflowEvents, PromotionActions } from "@medusajs/framework/utils"
import type { LinkDefinition } from "@medusajs/framework/types"
import {
  addShippingMethodToCartStep,
  createPaymentCollectionsStep,
  createOrdersStep,
  createRemoteLinkStep,
  emitEventStep,
  releaseLockStep,
  removeShippingMethodFromCartStep,
  updateCartPromotionsWorkflow,
  updateCartsStep,
  setTaxLinesForItemsStep,
  validateAndReturnShippingMethodsDataStep,
} from "@medusajs/medusa/core-flows"
import { acquireOwnedLockStep } from "../locking/steps/acquire-owned-lock"
import {
  fulfillmentContextOf,
  orderInputFromCart,
  plannedShippingMethodOf,
  preparedCartOf,
  type CheckoutCart,
  taxInputOf,
  orderLinksOf,
  promotionUsageOf,
  stockNeedsOf,
} from "../../utils/order/checkout-cart"
import { orderSettings } from "../../config/order"
import { stockOfLines } from "../../utils/catalog/stock"
import { writeCatalogStock } from "../catalog/write-catalog-stock"
import { OrderLifecycleEvents, statusChangedData } from "../../modules/order-lifecycle/events"
import type { StatusActor } from "../../modules/order-lifecycle/types"
import { completeCartStep } from "./steps/complete-cart"
import { createOrderLifecycleStep } from "./steps/create-order-lifecycle"
import { ensureAddressInRegionStep } from "./steps/ensure-address-in-region"
import { getCheckoutTaxLinesStep } from "./steps/get-checkout-tax-lines"
import { loadCheckoutCartStep } from "./steps/load-checkout-cart"
import { registerPromotionUsageStep } from "./steps/register-promotion-usage"
import { planOrderLineIdsStep } from "./steps/plan-order-line-ids"
import { reserveStockStep } from "./steps/reserve-stock"
import { listCheckoutShippingOptionsStep } from "./steps/list-checkout-shipping-options"
import { selectShippingOptionStep } from "./steps/select-shipping-option"
import { createPaymentAttemptStep } from "../payment/steps/create-payment-attempt"
import { placedOrderRowOf, type PlacedOrderRecords } from "../../queries/order/placed-order-view"
import { createCheckoutPaymentSessionStep } from "../payment/steps/create-checkout-payment-session"

export type CheckoutAddress = {
  first_name?: string
  last_name?: string
  company?: string
  address_1: string
  address_2?: string
  city: string
  province?: string
  postal_code: string
  country_code: string
  phone?: string
}

export type CheckoutCartInput = {
  cart_id: string
  customer_id: string
  shipping_address: CheckoutAddress
  billing_address?: CheckoutAddress
  shipping_option_id?: string
  actor: StatusActor
}

export type CheckoutResult = {
  order_id: string
  payment_session_id: string
  /** What was written, for the answer (queries/order/placed-order-view.ts). */
  placed: PlacedOrderRecords
}

/** Medusa's lock timeout/ttl for a cart, as completeCartWorkflow uses them (seconds). */
const CART_LOCK = { timeout: 30, ttl: 120 }

/**
 * Turns the customer's cart into a pending order whose stock is held.
 *
 * Under the cart's lock (Medusa's key for it, so cart edits and a second checkout wait):
 * the stock is reserved under the inventory items' locks (409 when short, nothing
 * changed), the addresses go on the cart (Medusa recomputes taxes), a shipping method is
 * chosen, the order is made from the cart's own prices (its lines with the ids the
 * reservations already name), the cart is marked completed and linked to the order, and a payment collection
 * with one payment session (Stripe's when configured, Medusa's system provider otherwise)
 * is opened for the total. The order stays pending until paid; its hold ends after
 * ORDER_HOLD_MINUTES, when the expiry job cancels it and releases the stock.
 * Any failure compensates every step (reservations deleted, order deleted, cart reopened).
 */
export const checkoutCartWorkflow = createWorkflow(
  "order-checkout-cart",
  (input: CheckoutCartInput) => {
    const ownedLock = acquireOwnedLockStep({ key: input.cart_id, ...CART_LOCK })
    const cart = loadCheckoutCartStep({
      cart_id: input.cart_id,
      customer_id: input.customer_id,
      require_items: true,
    })

    ensureAddressInRegionStep(
      transform({ input, cart }, ({ input, cart }) => ({
        country_code: input.shipping_address.country_code,
        region_countries: (cart.region?.countries ?? []).map((country) => country.iso_2),
      }))
    )
    // The stock is held first, under the inventory items' locks: it is the deciding check
    // and it is quick, so when many carts race for the last units the losers get their 409
    // before any of the cart work below (which is most of a checkout's cost). The cart's
    // lines cannot change meanwhile: the cart's lock is held.
    const orderLineIds = planOrderLineIdsStep({
      cart_line_ids: transform({ cart }, ({ cart }) => cart.items.map((item) => item.id)),
    })
    const reservations = reserveStockStep({
      sales_channel_id: cart.sales_channel_id,
      needs: transform({ cart }, ({ cart }) => stockNeedsOf(cart)),
      order_line_ids: orderLineIds,
      channel_levels: transform({ cart }, ({ cart }) => cart.channel_levels),
    })

    // The cart is prepared once (Medusa's core workflows for each change would refresh the
    // whole cart after each one: two refreshes and three listings of the shipping options,
    // docs/DECISIONS.md "A checkout that does only the work it needs").
    //
    // Promotions (applied codes, automatic ones) are computed by Medusa from the cart as
    // stored, so when there are any to compute, the addresses, shipping method and tax
    // lines are written to the cart first and the cart is read again. Without any, nothing
    // is written to the cart but its completion: the order is made from the cart read
    // above plus the address, shipping method and tax lines computed here.
    const recompute = transform(
      { cart },
      ({ cart }) => cart.has_automatic_promotions || (cart.promotions ?? []).length > 0
    )

    // The shipping options that serve the cart at its new address, listed and priced once
    // from the cart already read (flat and calculated prices): the choice, its validation
    // and the method's price all come from this one listing.
    const needsShipping = transform({ cart }, ({ cart }) =>
      cart.items.some((item) => item.requires_shipping)
    )
    const options = listCheckoutShippingOptionsStep(
      transform({ cart, input, needsShipping }, ({ cart, input, needsShipping }) => ({
        cart,
        shipping_address: input.shipping_address,
        option_id: input.shipping_option_id,
        needs_shipping: needsShipping,
      }))
    )
    const selection = transform({ options, cart, input, needsShipping }, (data) => ({
      options: data.options,
      requested_id: data.input.shipping_option_id,
      needs_shipping: data.needsShipping,
      current_option_id: data.cart.shipping_methods?.[0]?.shipping_option_id ?? null,
    }))
    const chosen = selectShippingOptionStep(selection)
    // The provider checks the method's data, as addShippingMethodToCartWorkflow has it do.
    const methodData = validateAndReturnShippingMethodsDataStep(
      transform({ chosen, cart, input }, ({ chosen, cart, input }) =>
        chosen
          ? [
              {
                id: chosen.id,
                provider_id: chosen.provider_id,
                option_data: chosen.data ?? {},
                method_data: {},
                context: fulfillmentContextOf(cart, input.shipping_address, chosen),
              },
            ]
          : []
      )
    )
    const planned = transform({ chosen, methodData }, ({ chosen, methodData }) =>
      chosen
        ? [
            plannedShippingMethodOf(
              chosen,
              methodData?.find((entry) => entry?.[chosen.id])?.[chosen.id] ?? {}
            ),
          ]
        : null
    )
    const addresses = transform({ input }, ({ input }) => ({
      shipping_address: input.shipping_address,
      billing_address: input.billing_address ?? input.shipping_address,
    }))

    const leanCart = when("plan-checkout-without-promotions", { recompute }, ({ recompute }) => {
      return !recompute
    }).then(() => {
      // Taxes once, for the items and the planned method at the shipping address, from
      // Medusa's tax module and providers in one call; the lines go on the order.
      const taxLines = getCheckoutTaxLinesStep(
        transform({ cart, input, planned }, ({ cart, input, planned }) =>
          taxInputOf(cart, input.shipping_address, planned)
        )
      ).config({ name: "order-checkout-tax-lines" })
      return transform(
        { cart, addresses, planned, taxLines },
        ({ cart, addresses, planned, taxLines }) =>
          preparedCartOf(cart, {
            ...addresses,
            shipping_methods: planned,
            item_tax_lines: taxLines.lineItemTaxLines,
            shipping_tax_lines: taxLines.shippingMethodsTaxLines,
          })
      )
    })

    const promotedCart = when("prepare-cart-for-promotions", { recompute }, ({ recompute }) => {
      return recompute
    }).then(() => {
      // Medusa's updateCartsStep writes the addresses (its compensation restores the old).
      updateCartsStep(
        transform({ input, addresses }, ({ input, addresses }) => [
          { id: input.cart_id, ...addresses },
        ])
      ).config({ name: "order-set-checkout-addresses" })
      // The cart's earlier method (a storefront may have chosen one) is replaced, not
      // kept beside the new one; compensation restores it.
      removeShippingMethodFromCartStep({
        shipping_method_ids: transform({ cart, planned }, ({ cart, planned }) =>
          planned ? (cart.shipping_methods ?? []).map((method) => method.id) : []
        ),
      })
      const added = addShippingMethodToCartStep({
        shipping_methods: transform({ planned, input }, ({ planned, input }) =>
          (planned ?? []).map((method) => ({
            cart_id: input.cart_id,
            shipping_option_id: method.shipping_option_id as string,
            name: method.name,
            amount: method.amount,
            is_tax_inclusive: method.is_tax_inclusive,
            data: method.data ?? {},
          }))
        ),
      })
      const taxLines = getCheckoutTaxLinesStep(
        transform({ cart, input, added }, ({ cart, input, added }) =>
          taxInputOf(cart, input.shipping_address, added)
        )
      ).config({ name: "order-promoted-checkout-tax-lines" })
      setTaxLinesForItemsStep(
        transform({ cart, taxLines }, ({ cart, taxLines }) => ({
          cart: taxInputOf(cart, undefined, null).orderOrCart,
          item_tax_lines: taxLines.lineItemTaxLines,
          shipping_tax_lines: taxLines.shippingMethodsTaxLines,
        }))
      )
      updateCartPromotionsWorkflow.runAsStep({
        input: transform({ input, cart }, ({ input, cart }) => ({
          cart_id: input.cart_id,
          promo_codes: (cart.promotions ?? [])
            .map((promotion) => promotion.code)
            .filter((code): code is string => !!code),
          action: PromotionActions.REPLACE,
        })),
      })
      return loadCheckoutCartStep({
        cart_id: input.cart_id,
        customer_id: input.customer_id,
        require_items: true,
      }).config({ name: "order-reload-checkout-cart" })
    })
    const finalCart = transform(
      { leanCart, promotedCart },
      ({ leanCart, promotedCart }) => (promotedCart ?? leanCart) as CheckoutCart
    )

    const orderInput = transform({ finalCart, orderLineIds }, ({ finalCart, orderLineIds }) =>
      orderInputFromCart(finalCart, orderLineIds)
    )
    const orders = createOrdersStep(transform({ orderInput }, ({ orderInput }) => [orderInput]))
    // Only what the answer and the steps below need of Medusa's order: each of them gets its
    // own copy of it (queries/order/placed-order-view.ts, placedOrderRowOf).
    const order = transform({ orders }, ({ orders }) => placedOrderRowOf(orders[0]))

    // What follows the order needs only the order (or nothing), not each other: the steps
    // run side by side. Each is its own module call (its own transaction) either way, a
    // failure of one still compensates all, and Medusa's orchestrator costs less for a
    // shallow flow than for a long chain (it walks every step's ancestry after each step).
    const lifecycleInput = transform({ order, input }, ({ order, input }) => ({
      order_id: order.id,
      customer_id: input.customer_id,
      hold_expires_at: new Date(Date.now() + orderSettings().holdMinutes * 60_000),
      actor: input.actor,
    }))
    const links = transform({ order, finalCart }, ({ order, finalCart }) =>
      orderLinksOf(finalCart, order.id)
    )
    // The order's total as Medusa's order module computed it from the lines just written.
    // The payment collection and its links, with Medusa's steps: what
    // createOrderPaymentCollectionWorkflow does, without reading back the order it was
    // just given.
    const collectionsInput = transform({ order }, ({ order }) => [
      { currency_code: order.currency_code, amount: MathBN.convert(order.total).toNumber() },
    ])
    // The payment collection's step stays last in the group: the steps after the group hang
    // off it, so on a failure its compensation (deleting the collection) runs only after
    // theirs (the session and the collection's links).
    const [written, , , , collections] = parallelize(
      // An order never exists without its status row: its failure compensates the order.
      createOrderLifecycleStep(lifecycleInput),
      createRemoteLinkStep(links),
      completeCartStep({ cart_id: input.cart_id }),
      registerPromotionUsageStep(
        transform({ finalCart }, ({ finalCart }) => promotionUsageOf(finalCart))
      ),
      createPaymentCollectionsStep(collectionsInput)
    )
    const { lifecycle, change } = written
    // The collection as the steps below and the answer need it (as for the order above).
    const collection = transform({ collections }, ({ collections }) => ({
      id: collections[0].id,
      status: collections[0].status,
      amount: collections[0].amount,
      currency_code: collections[0].currency_code,
      created_at: collections[0].created_at ?? new Date(),
    }))

    // Order ↔ payment collection, as Medusa's order flows (capture, refund, cancel) find an
    // order's payments. No cart ↔ payment collection link: Medusa's checkout makes one so
    // that its webhook handling (processPaymentWorkflow) can lock and complete the cart, and
    // that handling never runs for the engine's intents (settledByEngine in
    // utils/payment/webhook-events.ts); the engine's settlement finds the cart through the
    // order (docs/DECISIONS.md, "A checkout in fewer statements").
    const paymentLinks = transform(
      { collection, order },
      ({ collection, order }): LinkDefinition[] => [
        {
          [Modules.ORDER]: { order_id: order.id },
          [Modules.PAYMENT]: { payment_collection_id: collection.id },
        },
      ]
    )
    const sessionInput = transform({ collection, input, cart }, ({ collection, input, cart }) => ({
      payer: cart.payer,
      payment_collection_id: collection.id,
      provider_id: orderSettings().paymentProviderId,
      customer_id: input.customer_id,
      amount: collection.amount,
      currency_code: collection.currency_code,
    }))
    const [, session] = parallelize(
      createRemoteLinkStep(paymentLinks).config({ name: "link-payment-collection" }),
      createCheckoutPaymentSessionStep(sessionInput)
    )

    // The engine's record of the payment: the API's payment id, its owner and outcome.
    const attempt = createPaymentAttemptStep(
      transform({ session, collection, order, input }, (data) => ({
        session: {
          id: data.session.id,
          payment_collection_id: data.collection.id,
          provider_id: data.session.provider_id,
          amount: data.session.amount as number,
          currency_code: data.session.currency_code,
          data: data.session.data,
        },
        order_id: data.order.id,
        customer_id: data.input.customer_id,
      }))
    )

    // The catalog shows the stock this checkout left before it answers (read under the
    // inventory locks when the stock was reserved): the next product read is right.
    writeCatalogStock(
      transform({ reservations, cart }, ({ reservations, cart }) => ({
        version: reservations.stock.version,
        stock: stockOfLines(cart.items, reservations.stock.available),
      }))
    )

    // Medusa's event bus holds a workflow's events until it ends: these go out only if the
    // whole checkout succeeded, whatever their place among the steps.
    const placed = transform({ order }, ({ order }) => ({ id: order.id }))
    const statusEvent = transform({ change, input }, ({ change, input }) =>
      statusChangedData(change, input.customer_id)
    )
    parallelize(
      emitEventStep({ eventName: OrderWorkflowEvents.PLACED, data: placed }).config({
        name: "emit-order-placed",
      }),
      emitEventStep({ eventName: OrderLifecycleEvents.STATUS_CHANGED, data: statusEvent }).config({
        name: "emit-order-status-changed",
      })
    )
    // Last and alone: the release has no compensation, so until it runs any failure (an
    // emit included) is undone while the cart is still locked.
    releaseLockStep({ key: input.cart_id, ownerId: ownedLock.owner_id })
    const result = transform(
      { order, session, lifecycle, change, collection, attempt },
      (written): CheckoutResult => ({
        order_id: written.order.id,
        payment_session_id: written.session.id,
        placed: {
          order: written.order,
          lifecycle: written.lifecycle,
          change: written.change,
          collection: written.collection,
          session: written.session,
          attempt: written.attempt,
        },
      })
    )
    return new WorkflowResponse<CheckoutResult>(result)
  }
)
