import type { ContractRoute } from "../utils/contract"
import {
  analyticsSettingsView,
  customersView,
  lowStockQuery,
  lowStockView,
  ordersByStatusView,
  periodQuery,
  salesQuery,
  salesView,
  summaryView,
  topProductsQuery,
  topProductsView,
} from "../admin/analytics/validators"

const tags = ["Analytics"]
const CSV = "Also as text/csv (`format=csv` or `Accept: text/csv`), the same figures one per row"

/**
 * The dashboard's reports (docs/ANALYTICS.md), read from the analytics rollups. Under
 * /admin, so Medusa authenticates them: the dashboard's session cookie or a Bearer token
 * of an admin user.
 */
export const analyticsContract: ContractRoute[] = [
  {
    method: "GET",
    path: "/admin/analytics/settings",
    summary: "The store's timezone and low-stock threshold: the reports' defaults",
    tags,
    access: "admin",
    responses: { 200: { description: "The defaults", schema: analyticsSettingsView } },
  },
  {
    method: "GET",
    path: "/admin/analytics/summary",
    summary: "Revenue, orders, average order value, refunds, new customers vs the previous period",
    tags,
    access: "admin",
    query: periodQuery,
    responses: { 200: { description: `The summary per currency. ${CSV}`, schema: summaryView } },
  },
  {
    method: "GET",
    path: "/admin/analytics/sales",
    summary: "Sales per day, week or month in a timezone, per currency",
    tags,
    access: "admin",
    query: salesQuery,
    responses: { 200: { description: `The series. ${CSV}`, schema: salesView } },
  },
  {
    method: "GET",
    path: "/admin/analytics/top-products",
    summary: "Best-selling products by revenue (per currency) and by units",
    tags,
    access: "admin",
    query: topProductsQuery,
    responses: { 200: { description: `Both rankings. ${CSV}`, schema: topProductsView } },
  },
  {
    method: "GET",
    path: "/admin/analytics/orders-by-status",
    summary: "Orders placed in the period by their current status",
    tags,
    access: "admin",
    query: periodQuery,
    responses: { 200: { description: `Counts per status. ${CSV}`, schema: ordersByStatusView } },
  },
  {
    method: "GET",
    path: "/admin/analytics/customers",
    summary: "New customers and orders of returning customers vs the previous period",
    tags,
    access: "admin",
    query: periodQuery,
    responses: { 200: { description: `The counts. ${CSV}`, schema: customersView } },
  },
  {
    method: "GET",
    path: "/admin/analytics/low-stock",
    summary: "Products under the low-stock threshold, fewest available first",
    tags,
    access: "admin",
    query: lowStockQuery,
    responses: { 200: { description: `A page of products. ${CSV}`, schema: lowStockView } },
  },
]
