import type { ContractRoute } from "../utils/contract"
import { addToCartBody, checkoutBody, updateCartItemBody } from "../cart/validators"
import { cartView } from "../../queries/order/cart-view"
import { placedOrderView } from "../../queries/order/placed-order-view"

const tags = ["Cart"]

/** The customer's cart and its checkout (src/workflows/order). */
export const cartContract: ContractRoute[] = [
  {
    method: "GET",
    path: "/cart",
    summary: "The customer's open cart (created on first use) with Medusa's totals",
    tags,
    access: "customer",
    responses: { 200: { description: "The cart", schema: cartView } },
  },
  {
    method: "POST",
    path: "/cart/add",
    summary: "Add a product (its primary variant) to the cart",
    tags,
    access: "customer",
    body: addToCartBody,
    responses: {
      200: { description: "The cart", schema: cartView },
      404: { description: "Unknown, deleted or unpublished product" },
      409: { description: "The cart would hold more than is in stock" },
    },
  },
  {
    method: "PUT",
    path: "/cart/:item_id",
    summary: "Set a line's quantity; 0 removes it",
    tags,
    access: "customer",
    body: updateCartItemBody,
    responses: {
      200: { description: "The cart", schema: cartView },
      404: { description: "Unknown line, or not in the caller's open cart" },
      409: { description: "More than is in stock" },
    },
  },
  {
    method: "DELETE",
    path: "/cart/:item_id",
    summary: "Remove a line",
    tags,
    access: "customer",
    responses: {
      200: { description: "The cart", schema: cartView },
      404: { description: "Unknown line, or not in the caller's open cart" },
    },
  },
  {
    method: "POST",
    path: "/cart/checkout",
    idempotent: true,
    summary:
      "Check out the cart: a pending order with its stock held (ORDER_HOLD_MINUTES) and a payment to confirm",
    tags,
    access: "customer",
    body: checkoutBody,
    responses: {
      201: { description: "The order and its payment (client secret)", schema: placedOrderView },
      400: { description: "Empty cart, invalid address, or no shipping option for it" },
      409: {
        description:
          "Not enough stock (nothing is held), or the cart was checked out by a concurrent request",
      },
    },
  },
]
