import type { ContractRoute } from "../utils/contract"
import { adminDashboardContract } from "./admin-dashboard"
import { analyticsContract } from "./analytics"
import { authContract } from "./auth"
import { cartContract } from "./cart"
import { categoriesContract } from "./categories"
import { oauthContract } from "./oauth"
import { operationsContract } from "./operations"
import { ordersContract } from "./orders"
import { paymentsContract } from "./payments"
import { productsContract } from "./products"
import { reviewsContract } from "./reviews"
import { productImagesContract } from "./product-images"
import { usersContract } from "./users"

/**
 * Every route of the engine's REST contract. A new route is added here (through its
 * domain's file) and gets its middlewares and its OpenAPI entry from that one definition;
 * a test fails when a route file exists without one.
 */
export const contractRoutes: ContractRoute[] = [
  ...operationsContract,
  ...authContract,
  ...oauthContract,
  ...usersContract,
  ...productsContract,
  ...reviewsContract,
  ...productImagesContract,
  ...categoriesContract,
  ...cartContract,
  ...ordersContract,
  ...paymentsContract,
  ...analyticsContract,
  ...adminDashboardContract,
]
