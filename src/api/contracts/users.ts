import type { ContractRoute } from "../utils/contract"
import { listSchema } from "../../utils/pagination"
import { userView } from "../../queries/identity/user-view"
import { orderList } from "../orders/validators"
import { listUsersQuery, updateUserBody, userOrdersQuery } from "../users/validators"
import { recommendationList } from "../../queries/recommendation/recommendation-view"
import { recommendationsQuery } from "../products/[id]/recommendations/validators"

const tags = ["Users"]

/** The spec's Users routes: self or admin, another user's id is a 404. */
export const usersContract: ContractRoute[] = [
  {
    method: "GET",
    path: "/users",
    summary: "Customer accounts (admin), `q` over email, username and name",
    tags,
    access: "admin",
    query: listUsersQuery,
    responses: { 200: { description: "A page of users", schema: listSchema(userView) } },
  },
  {
    method: "GET",
    path: "/users/:id",
    summary: "One user (self or admin)",
    tags,
    access: "authenticated",
    responses: {
      200: { description: "The user", schema: userView },
      404: { description: "Unknown or not yours" },
    },
  },
  {
    method: "PUT",
    path: "/users/:id",
    summary: "Update profile fields and preferences; is_active only by an admin",
    tags,
    access: "authenticated",
    body: updateUserBody,
    responses: {
      200: { description: "The updated user", schema: userView },
      403: { description: "A customer sent is_active or is_admin" },
      404: { description: "Unknown or not yours" },
      409: { description: "Username taken, or a role change (admins are invited)" },
    },
  },
  {
    method: "DELETE",
    path: "/users/:id",
    summary: "Deactivate and anonymise (orders are kept)",
    tags,
    access: "authenticated",
    responses: { 204: { description: "Deleted" }, 404: { description: "Unknown or not yours" } },
  },
  {
    method: "GET",
    path: "/users/:id/orders",
    summary: "A user's orders, newest first, with status and history (self or admin)",
    tags,
    access: "authenticated",
    query: userOrdersQuery,
    responses: {
      200: { description: "A page of orders", schema: orderList },
      404: { description: "Unknown or not yours" },
    },
  },
  {
    method: "GET",
    path: "/users/:id/recommendations",
    summary:
      "Products bought with what the user bought (never something they bought), else similar, popular or best rated ones (self or admin)",
    tags,
    access: "authenticated",
    query: recommendationsQuery,
    responses: {
      200: { description: "Recommendations, best first", schema: recommendationList },
      404: { description: "Unknown or not yours" },
    },
  },
]
