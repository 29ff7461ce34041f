import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listEnvelope } from "../../utils/pagination"
import { listCustomerUsers } from "../../queries/identity/user-list"
import type { ListUsersQuery } from "./validators"

/** Admins: the shop's customer accounts, newest first, `q` over email, username and name. */
export async function GET(
  req: MedusaRequest<unknown, ListUsersQuery>,
  res: MedusaResponse
): Promise<void> {
  const query = req.validatedQuery
  const page = { limit: query.limit, offset: query.offset }
  const { users, count } = await listCustomerUsers(req.scope, query.q, page)
  res.status(200).json(listEnvelope(users, count, page))
}
