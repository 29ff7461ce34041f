import type { ContractRoute } from "../utils/contract"
import { lifecycleView, changeStatusBody } from "../admin/order-lifecycle/validators"
import {
  moderateReviewsBody,
  moderationResult,
  productRatingView,
  reviewQueue,
  reviewQueueQuery,
} from "../admin/reviews/validators"
import { findingList, listFindingsQuery } from "../payments/validators"
import {
  dashboardRefundAnswer,
  dashboardRefundBody,
  dashboardRefundQuery,
} from "../admin/payments/validators"
import { dashboardCancelAnswer, dashboardCancelQuery } from "../admin/orders/validators"

const tags = ["Admin dashboard"]

/**
 * The routes the dashboard extensions (src/admin) call. Medusa authenticates /admin with
 * the dashboard's session cookie, which the engine's root routes do not take, so each is
 * the /admin twin of an engine route or a read only the dashboard needs (docs/ADMIN.md).
 */
export const adminDashboardContract: ContractRoute[] = [
  {
    method: "GET",
    path: "/admin/reviews",
    summary: "The review moderation queue across products, pending first",
    tags,
    access: "admin",
    query: reviewQueueQuery,
    responses: { 200: { description: "A page of reviews", schema: reviewQueue } },
  },
  {
    method: "POST",
    path: "/admin/reviews/moderate",
    summary: "Approve or reject one or many reviews",
    tags,
    access: "admin",
    body: moderateReviewsBody,
    responses: {
      200: { description: "Each review's outcome", schema: moderationResult },
      404: { description: "An unknown review id (nothing changed)" },
    },
  },
  {
    method: "GET",
    path: "/admin/product-ratings/:id",
    summary: "A product's rating, approved and pending review counts",
    tags,
    access: "admin",
    responses: { 200: { description: "The rating", schema: productRatingView } },
  },
  {
    method: "GET",
    path: "/admin/order-lifecycle/:id",
    summary: "An order's engine status, history and allowed moves",
    tags,
    access: "admin",
    responses: {
      200: { description: "The lifecycle", schema: lifecycleView },
      404: { description: "Unknown order" },
    },
  },
  {
    method: "POST",
    path: "/admin/order-lifecycle/:id/status",
    summary: "Move an order's status (as PUT /orders/{id}/status)",
    tags,
    access: "admin",
    body: changeStatusBody,
    responses: {
      200: { description: "The lifecycle after the move", schema: lifecycleView },
      404: { description: "Unknown order" },
      409: { description: "A move the status machine does not allow" },
    },
  },
  {
    method: "POST",
    path: "/admin/payments/:id/refund",
    summary:
      "Medusa's dashboard refund, run under the order's lock (Medusa's route, the engine's handler)",
    tags,
    access: "admin",
    body: dashboardRefundBody,
    query: dashboardRefundQuery,
    responses: {
      200: { description: "The payment with its refunds", schema: dashboardRefundAnswer },
      400: { description: "More than is left to refund, or a bad body" },
      404: { description: "Unknown payment" },
      500: {
        description: "The payment provider did not confirm the refund: nothing recorded, retry",
      },
    },
  },
  {
    method: "POST",
    path: "/admin/orders/:id/cancel",
    summary:
      "Medusa's dashboard order cancellation, run under the order's lock with its refunds checked (Medusa's route, the engine's handler)",
    tags,
    access: "admin",
    query: dashboardCancelQuery,
    responses: {
      200: { description: "The cancelled order", schema: dashboardCancelAnswer },
      400: { description: "An order Medusa cannot cancel (a live fulfillment), or a body" },
      404: { description: "Unknown order" },
      409: { description: "The order is busy with another change for too long; retry" },
      502: {
        description:
          "The payment provider did not confirm a refund: nothing cancelled or recorded, retry",
      },
    },
  },
  {
    method: "GET",
    path: "/admin/reconciliation-findings",
    summary: "Payment reconciliation findings (as GET /payments/reconciliation)",
    tags,
    access: "admin",
    query: listFindingsQuery,
    responses: { 200: { description: "A page of findings", schema: findingList } },
  },
]
