import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { MathBN, Modules, OrderWorkflowEvents, PromotionActions } from "@medusajs/framework/utils"
import type { LinkDefinition } from "@medusajs/framework/types"
import {
  acquireLockStep,
  addShippingMethodToCartStep,
  createPaymentCollectionsStep,
  createOrdersStep,
  createPaymentSessionsWorkflow,
  createRemoteLinkStep,
  emitEventStep,
  releaseLockStep,
  removeShippingMethodFromCartStep,
  updateCartPromotionsWorkflow,
  updateCartsStep,
  getItemTaxLinesStep,
  setTaxLinesForItemsStep,
  validateAndReturnShippingMethodsDataStep,
} from "@medusajs/medusa/core-flows"
import {
  fulfillmentContextOf,
  orderInputFromCart,
  preparedCartOf,
  taxInputOf,
  orderLinksOf,
  promotionUsageOf,
  stockNeedsOf,
} from "../../utils/order/checkout-cart"
import { orderSettings } from "../../config/order"
import { OrderLifecycleEvents, statusChangedData } from "../../modules/order-lifecycle/events"
import type { StatusActor } from "../../modules/order-lifecycle/types"
import { attachReservationsStep } from "./steps/attach-reservations"
import { createOrderLifecycleStep } from "./steps/create-order-lifecycle"
import { ensureAddressInRegionStep } from "./steps/ensure-address-in-region"
import { loadCheckoutCartStep } from "./steps/load-checkout-cart"
import { registerPromotionUsageStep } from "./steps/register-promotion-usage"
import { reserveStockStep } from "./steps/reserve-stock"
import { findAutomaticPromotionsStep } from "./steps/find-automatic-promotions"
import { listCheckoutShippingOptionsStep } from "./steps/list-checkout-shipping-options"
import { selectShippingOptionStep } from "./steps/select-shipping-option"
import { createPaymentAttemptStep } from "../payment/steps/create-payment-attempt"
import { ensureAccountHolderStep } from "../payment/steps/ensure-account-holder"

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

export type CheckoutResult = { order_id: string; payment_session_id: string }

/** Medusa's lock timeout/ttl for a cart, as completeCartWorkflow uses them (seconds). */
const CART_LOCK = { timeout: 30, ttl: 120 }

/**
 * Turns the customer's cart into a pending order whose stock is held.
 *
 * Under the cart's lock (Medusa's key for it, so cart edits and a second checkout wait):
 * the stock is reserved under the inventory items' locks (409 when short, nothing
 * changed), the addresses go on the cart (Medusa recomputes taxes), a shipping method is
 * chosen, the order is made from the cart's own prices, the reservations point at its
 * items, the cart is marked completed and linked to the order, and a payment collection
 * with one payment session (Stripe's when configured, Medusa's system provider otherwise)
 * is opened for the total. The order stays pending until paid; its hold ends after
 * ORDER_HOLD_MINUTES, when the expiry job cancels it and releases the stock.
 * Any failure compensates every step (reservations deleted, order deleted, cart reopened).
 */
export const checkoutCartWorkflow = createWorkflow(
  "order-checkout-cart",
  (input: CheckoutCartInput) => {
    acquireLockStep({ key: input.cart_id, ...CART_LOCK })
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
    const reservations = reserveStockStep({
      sales_channel_id: cart.sales_channel_id,
      needs: transform({ cart }, ({ cart }) => stockNeedsOf(cart)),
    })

    // The cart is prepared once (Medusa's core workflows for each change would refresh the
    // whole cart after each one: two refreshes and three listings of the shipping options,
    // docs/DECISIONS.md "A checkout that does only the work it needs"). The addresses are
    // written by Medusa's updateCartsStep (its compensation restores the old ones).
    const addresses = transform({ input }, ({ input }) => [
      {
        id: input.cart_id,
        shipping_address: input.shipping_address,
        billing_address: input.billing_address ?? input.shipping_address,
      },
    ])
    updateCartsStep(addresses).config({ name: "order-set-checkout-addresses" })

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
    const added = when("add-shipping-method", { chosen }, ({ chosen }) => !!chosen).then(() => {
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
      // The cart's earlier method (a storefront may have chosen one) is replaced, not
      // kept beside the new one; compensation restores it.
      removeShippingMethodFromCartStep({
        shipping_method_ids: transform({ cart }, ({ cart }) =>
          (cart.shipping_methods ?? []).map((method) => method.id)
        ),
      })
      return addShippingMethodToCartStep({
        shipping_methods: transform(
          { chosen, methodData, input },
          ({ chosen, methodData, input }) =>
            chosen
              ? [
                  {
                    cart_id: input.cart_id,
                    shipping_option_id: chosen.id,
                    name: chosen.name,
                    amount: chosen.amount ?? 0,
                    is_tax_inclusive: !!chosen.is_tax_inclusive,
                    data: methodData?.find((entry) => entry?.[chosen.id])?.[chosen.id] ?? {},
                  },
                ]
              : []
        ),
      })
    })

    // Taxes once, for the items and the shipping method at the shipping address, by
    // Medusa's own steps (tax module and providers; updateTaxLinesWorkflow's steps without
    // its second read of the cart): the lines computed are kept for the order below.
    const taxLines = getItemTaxLinesStep(
      transform({ cart, input, added }, ({ cart, input, added }) =>
        taxInputOf(cart, input.shipping_address, added)
      )
    )
    setTaxLinesForItemsStep(
      transform({ cart, taxLines }, ({ cart, taxLines }) => ({
        cart: taxInputOf(cart, undefined, null).orderOrCart,
        item_tax_lines: taxLines.lineItemTaxLines,
        shipping_tax_lines: taxLines.shippingMethodsTaxLines,
      }))
    )

    // Promotions (applied codes and automatic ones) are recomputed on the cart as it now
    // is, and the cart is then read again for its adjustments; a cart without codes in a
    // store without automatic promotions has none to compute, and the cart as checkout
    // wrote it is known without reading it back.
    const automatic = findAutomaticPromotionsStep({})
    const promoted = when("update-cart-promotions", { cart, automatic }, ({ cart, automatic }) => {
      return automatic.exist || (cart.promotions ?? []).length > 0
    }).then(() => {
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
      { promoted, cart, input, added, taxLines },
      ({ promoted, cart, input, added, taxLines }) =>
        promoted ??
        preparedCartOf(cart, {
          shipping_address: input.shipping_address,
          billing_address: input.billing_address ?? input.shipping_address,
          shipping_methods: added ?? null,
          item_tax_lines: taxLines.lineItemTaxLines,
          shipping_tax_lines: taxLines.shippingMethodsTaxLines,
        })
    )

    const orderInput = transform({ finalCart }, ({ finalCart }) => orderInputFromCart(finalCart))
    const orders = createOrdersStep(transform({ orderInput }, ({ orderInput }) => [orderInput]))
    const order = transform({ orders }, ({ orders }) => orders[0])
    // Right after the order: an order never exists without its status row.
    const lifecycleInput = transform({ order, input }, ({ order, input }) => ({
      order_id: order.id,
      customer_id: input.customer_id,
      hold_expires_at: new Date(Date.now() + orderSettings().holdMinutes * 60_000),
      actor: input.actor,
    }))
    const { change } = createOrderLifecycleStep(lifecycleInput)
    attachReservationsStep({ reservations, order_items: order.items ?? [] })

    const links = transform({ order, finalCart }, ({ order, finalCart }) =>
      orderLinksOf(finalCart, order.id)
    )
    createRemoteLinkStep(links)
    const completed = transform({ input }, ({ input }) => [
      { id: input.cart_id, completed_at: new Date() },
    ])
    updateCartsStep(completed)
    registerPromotionUsageStep(
      transform({ finalCart }, ({ finalCart }) => promotionUsageOf(finalCart))
    )

    // The order's total as Medusa's order module computed it from the lines just written.
    const collectionInput = transform({ order }, ({ order }) => ({
      amount: MathBN.convert(order.total).toNumber(),
    }))
    // The payment collection and its links, with Medusa's steps: what
    // createOrderPaymentCollectionWorkflow does, without reading back the order it was
    // just given.
    const collections = createPaymentCollectionsStep(
      transform({ collectionInput, order }, ({ collectionInput, order }) => [
        { currency_code: order.currency_code, amount: collectionInput.amount },
      ])
    )
    // Order ↔ payment collection, and cart ↔ payment collection as Medusa's own checkout
    // links them: Medusa's webhook handling (processPaymentWorkflow) then locks the cart
    // while it authorizes, which the engine's settlement locks too, so the two never
    // authorize one session at once.
    createRemoteLinkStep(
      transform(
        { collections, input, order },
        ({ collections, input, order }): LinkDefinition[] => [
          {
            [Modules.ORDER]: { order_id: order.id },
            [Modules.PAYMENT]: { payment_collection_id: collections[0].id },
          },
          {
            [Modules.CART]: { cart_id: input.cart_id },
            [Modules.PAYMENT]: { payment_collection_id: collections[0].id },
          },
        ]
      )
    ).config({ name: "link-payment-collection" })
    // The customer's payment account first, race-safe: Medusa's session workflow would
    // make one itself, and a new customer's parallel first orders would collide on it.
    ensureAccountHolderStep(
      transform({ input }, ({ input }) => ({
        customer_id: input.customer_id,
        provider_id: orderSettings().paymentProviderId,
      }))
    )
    const sessionInput = transform({ collections, input }, ({ collections, input }) => ({
      payment_collection_id: collections[0].id,
      provider_id: orderSettings().paymentProviderId,
      customer_id: input.customer_id,
    }))
    const session = createPaymentSessionsWorkflow.runAsStep({ input: sessionInput })
    // The engine's record of the payment: the API's payment id, its owner and outcome.
    createPaymentAttemptStep(
      transform({ session, collections, order, input }, (data) => ({
        session: {
          id: data.session.id,
          payment_collection_id: data.collections[0].id,
          provider_id: data.session.provider_id,
          amount: data.session.amount as number,
          currency_code: data.session.currency_code,
          data: data.session.data,
        },
        order_id: data.order.id,
        customer_id: data.input.customer_id,
      }))
    )

    const placed = transform({ order }, ({ order }) => ({ id: order.id }))
    emitEventStep({ eventName: OrderWorkflowEvents.PLACED, data: placed }).config({
      name: "emit-order-placed",
    })
    const statusEvent = transform({ change, input }, ({ change, input }) =>
      statusChangedData(change, input.customer_id)
    )
    emitEventStep({ eventName: OrderLifecycleEvents.STATUS_CHANGED, data: statusEvent }).config({
      name: "emit-order-status-changed",
    })

    releaseLockStep({ key: input.cart_id })
    const result = transform({ order, session }, ({ order, session }) => ({
      order_id: order.id,
      payment_session_id: session.id,
    }))
    return new WorkflowResponse<CheckoutResult>(result)
  }
)
