import type { ContractRoute } from "../utils/contract"
import { listSchema } from "../../utils/pagination"
import {
  catalogPageFields,
  createProductBody,
  listProductsQuery,
  productQuery,
  searchFacets,
  searchProductsQuery,
  updateProductBody,
} from "../products/validators"
import { catalogProductView } from "../../modules/catalog/view"
import { recommendationList } from "../../queries/recommendation/recommendation-view"
import { recommendationsQuery } from "../products/[id]/recommendations/validators"
import { ifNoneMatchHeader, notModifiedResponse } from "./http-caching"

const tags = ["Products"]

/** The spec's product routes: reads for anyone (active products), writes for admins. */
export const productsContract: ContractRoute[] = [
  {
    method: "GET",
    path: "/products",
    summary:
      "Active products, filtered (category_id with sub-categories, tag, min_price, max_price, in_stock, q) and sorted",
    tags,
    access: "public",
    query: listProductsQuery,
    headers: [ifNoneMatchHeader],
    responses: {
      200: {
        description: "A page of products",
        schema: listSchema(catalogProductView).extend(catalogPageFields),
      },
      400: { description: "Bad filter, offset above 1,000, or a cursor not for this sort" },
      ...notModifiedResponse,
      403: { description: "include_inactive by a non-admin" },
    },
  },
  {
    method: "POST",
    path: "/products",
    summary: "Create a product: one variant, a price, stock at the default location",
    tags,
    access: "admin",
    body: createProductBody,
    responses: {
      201: { description: "The product", schema: catalogProductView },
      404: { description: "Unknown category" },
      409: { description: "Handle taken" },
    },
  },
  {
    method: "GET",
    path: "/products/search",
    summary: "Ranked full-text search, tolerant of typos, with the list's filters and facets",
    tags,
    access: "public",
    query: searchProductsQuery,
    headers: [ifNoneMatchHeader],
    responses: {
      200: {
        description: "A page of matches, best first, with category and price-range counts",
        schema: listSchema(catalogProductView).extend({
          ...catalogPageFields,
          facets: searchFacets.describe("Over every match, or the first ones when count_capped"),
        }),
      },
      ...notModifiedResponse,
    },
  },
  {
    method: "GET",
    path: "/products/:id",
    summary: "One product (inactive ones only for admins)",
    tags,
    access: "public",
    query: productQuery,
    headers: [ifNoneMatchHeader],
    responses: {
      200: { description: "The product", schema: catalogProductView },
      ...notModifiedResponse,
      404: { description: "Unknown, deleted, or inactive for a non-admin" },
    },
  },
  {
    method: "PUT",
    path: "/products/:id",
    summary:
      "Partial update, price and stock (stock_quantity = available units, or stock_adjustment)",
    tags,
    access: "admin",
    body: updateProductBody,
    responses: {
      200: { description: "The product", schema: catalogProductView },
      404: { description: "Unknown product or category" },
      409: { description: "Handle taken, or an adjustment below what is reserved" },
    },
  },
  {
    method: "DELETE",
    path: "/products/:id",
    summary: "Soft delete",
    tags,
    access: "admin",
    responses: { 204: { description: "Deleted" }, 404: { description: "Unknown product" } },
  },
  {
    method: "GET",
    path: "/products/:id/recommendations",
    summary:
      "Products bought together with this one in paid orders, else similar, popular or best rated ones; active and in stock only",
    tags,
    access: "public",
    query: recommendationsQuery,
    responses: {
      200: { description: "Recommendations, best first", schema: recommendationList },
      404: { description: "Unknown, deleted or inactive product" },
    },
  },
]
