import type { ContractRoute } from "../utils/contract"
import {
  confirmPaymentBody,
  createPaymentBody,
  findingList,
  listFindingsQuery,
  listPaymentsQuery,
  paymentList,
  paymentMethodList,
  refundPaymentBody,
  savePaymentMethodBody,
} from "../payments/validators"
import { paymentView } from "../../queries/payment/payment-view"
import { paymentMethodView } from "../../queries/payment/saved-cards"

const tags = ["Payments"]

/** Payments through Medusa's payment module and Stripe (docs/PAYMENTS.md). */
export const paymentsContract: ContractRoute[] = [
  {
    method: "GET",
    path: "/payments",
    summary: "The caller's payment history, newest first, or one order's (admins: everyone's)",
    tags,
    access: "authenticated",
    query: listPaymentsQuery,
    responses: { 200: { description: "A page of payments", schema: paymentList } },
  },
  {
    method: "POST",
    path: "/payments/create",
    summary: "A new payment (Stripe PaymentIntent) for a pending order whose payments failed",
    tags,
    access: "customer",
    body: createPaymentBody,
    responses: {
      201: { description: "The payment, with its client secret", schema: paymentView },
      404: { description: "Unknown order, or another customer's" },
      409: { description: "The order is not pending, or has a payment in progress or paid" },
    },
  },
  {
    method: "POST",
    path: "/payments/confirm",
    summary: "Confirm a payment: succeeded (order paid) or requires_action (3-D Secure)",
    tags,
    access: "customer",
    body: confirmPaymentBody,
    responses: {
      200: { description: "The payment after confirmation", schema: paymentView },
      400: {
        description:
          "No card to charge, a card Stripe refuses (unknown, another customer's), or system payments not allowed",
      },
      402: {
        description:
          "Card declined: Stripe's message, and `code` (its decline code, else error code)",
      },
      404: { description: "Unknown payment, or another customer's" },
      409: { description: "The payment failed or was cancelled: create a new one" },
    },
  },
  {
    method: "POST",
    path: "/payments/refund",
    idempotent: true,
    summary: "Refund part or all of a captured payment (admin)",
    tags,
    access: "admin",
    body: refundPaymentBody,
    responses: {
      200: { description: "The payment with its refunded amount", schema: paymentView },
      404: { description: "Unknown payment" },
      409: { description: "More than what is left to refund, or nothing captured" },
      502: {
        description:
          "Stripe did not confirm the refund (refused, or its answer was lost): nothing recorded, and a retry replays the same refund at Stripe",
      },
    },
  },
  {
    method: "GET",
    path: "/payments/methods",
    summary: "The caller's saved cards",
    tags,
    access: "customer",
    responses: { 200: { description: "Saved cards", schema: paymentMethodList } },
  },
  {
    method: "POST",
    path: "/payments/methods",
    summary: "Save a card made by Stripe.js (pm_…) on the caller's Stripe customer",
    tags,
    access: "customer",
    body: savePaymentMethodBody,
    responses: {
      201: { description: "The saved card", schema: paymentMethodView },
      400: { description: "Stripe refused the card, or Stripe is not configured" },
    },
  },
  {
    method: "DELETE",
    path: "/payments/methods/:id",
    summary: "Remove one of the caller's saved cards",
    tags,
    access: "customer",
    responses: {
      204: { description: "Removed" },
      404: { description: "Not one of the caller's cards" },
    },
  },
  {
    method: "GET",
    path: "/payments/reconciliation",
    summary: "What the payment reconciliation job found and did (admin)",
    tags,
    access: "admin",
    query: listFindingsQuery,
    responses: { 200: { description: "A page of findings", schema: findingList } },
  },
  {
    method: "GET",
    path: "/payments/:id",
    summary: "One payment (owner or admin)",
    tags,
    access: "authenticated",
    responses: {
      200: { description: "The payment", schema: paymentView },
      404: { description: "Unknown, or another customer's" },
    },
  },
]
