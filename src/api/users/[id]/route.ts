import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { userTarget } from "../helpers"
import { loadUserView } from "../../../queries/identity/user-view"
import { deleteUserWorkflow } from "../../../workflows/identity/delete-user"
import { updateUserWorkflow } from "../../../workflows/identity/update-user"
import type { UpdateUserBody } from "../validators"

export async function GET(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const target = userTarget(req)
  res.status(200).json(await loadUserView(req.scope, target.actor_type, target.actor_id))
}

export async function PUT(req: MedusaRequest<UpdateUserBody>, res: MedusaResponse): Promise<void> {
  const target = userTarget(req)
  // Load first: an unknown id is a 404 before anything is written.
  const current = await loadUserView(req.scope, target.actor_type, target.actor_id)
  const { is_admin, ...changes } = req.validatedBody
  if (!target.by_admin && (is_admin !== undefined || changes.is_active !== undefined)) {
    throw new MedusaError(
      MedusaError.Types.FORBIDDEN,
      "Only an admin may change is_active or is_admin"
    )
  }
  // The role is which Medusa record the account is (a customer or an admin user), not a
  // flag: admins are invited in the dashboard.
  if (is_admin !== undefined && is_admin !== current.is_admin) {
    throw new MedusaError(
      MedusaError.Types.CONFLICT,
      "Admins are Medusa users: invite them from the dashboard (/app/settings/users)"
    )
  }
  await updateUserWorkflow(req.scope).run({
    input: { ...changes, actor_type: target.actor_type, actor_id: target.actor_id },
  })
  res.status(200).json(await loadUserView(req.scope, target.actor_type, target.actor_id))
}

export async function DELETE(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const target = userTarget(req)
  await loadUserView(req.scope, target.actor_type, target.actor_id)
  await deleteUserWorkflow(req.scope).run({
    input: { actor_type: target.actor_type, actor_id: target.actor_id },
  })
  res.status(204).send()
}
