import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { userTarget } from "../../helpers"
import { loadUserView } from "../../../../queries/identity/user-view"
import { isPlausibleId } from "../../../../queries/recommendation/sources"
import { readUserRecommendations } from "../../../../queries/recommendation/user-recommendations"
import type { RecommendationsQuery } from "../../../products/[id]/recommendations/validators"

/**
 * Recommendations from a user's purchases (self or admin; anyone else's id is a 404). A
 * customer asking about themselves is known to exist (their token was just checked), so
 * only an admin's request looks the user up.
 */
export async function GET(
  req: MedusaRequest<unknown, RecommendationsQuery>,
  res: MedusaResponse
): Promise<void> {
  const target = userTarget(req)
  if (target.by_admin) {
    if (!isPlausibleId(target.actor_id)) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `User ${target.actor_id} was not found`)
    }
    await loadUserView(req.scope, target.actor_type, target.actor_id)
  }
  const body = await readUserRecommendations(req.scope, target.actor_id, req.validatedQuery.limit)
  res.type("application/json").send(body)
}
