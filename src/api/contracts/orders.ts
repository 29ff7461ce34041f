import type { ContractRoute } from "../utils/contract"
import { changeStatusBody, directOrderBody, listOrdersQuery, orderList } from "../orders/validators"
import { orderView } from "../../queries/order/order-view"
import { placedOrderView } from "../../queries/order/placed-order-view"

const tags = ["Orders"]

/** Orders, their status machine and history (src/workflows/order, docs/ORDERS.md). */
export const ordersContract: ContractRoute[] = [
  {
    method: "GET",
    path: "/orders",
    summary: "The caller's orders, newest first; admins see all and filter by `status`, `user_id`",
    tags,
    access: "authenticated",
    query: listOrdersQuery,
    responses: { 200: { description: "A page of orders", schema: orderList } },
  },
  {
    method: "POST",
    path: "/orders",
    idempotent: true,
    summary: "A direct order without the cart (same stock hold and payment as checkout)",
    tags,
    access: "customer",
    body: directOrderBody,
    responses: {
      201: { description: "The order and its payment (client secret)", schema: placedOrderView },
      400: { description: "Invalid items or address, or no shipping option for it" },
      404: { description: "Unknown, deleted or unpublished product" },
      409: { description: "Not enough stock (nothing is held)" },
    },
  },
  {
    method: "GET",
    path: "/orders/:id",
    summary: "One order with items, totals, addresses, payment and status history",
    tags,
    access: "authenticated",
    responses: {
      200: { description: "The order", schema: orderView },
      404: { description: "Unknown, or another customer's" },
    },
  },
  {
    method: "DELETE",
    path: "/orders/:id",
    summary: "Cancel while not shipped: stock released, captured money refunded",
    tags,
    access: "authenticated",
    responses: {
      200: { description: "The cancelled order", schema: orderView },
      404: { description: "Unknown, or another customer's" },
      409: { description: "Shipped, delivered, refunded or already cancelled" },
    },
  },
  {
    method: "PUT",
    path: "/orders/:id/status",
    summary:
      "Move an order along pending → paid → processing → shipped → delivered, or cancel/refund it (admin)",
    tags,
    access: "admin",
    body: changeStatusBody,
    responses: {
      200: { description: "The order, with the change in its history", schema: orderView },
      404: { description: "Unknown order" },
      409: { description: "Not a legal move from the current status" },
    },
  },
]
