import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { MedusaContainer } from "@medusajs/framework/types"
import { PLATFORM_MODULE } from "../../../modules/platform"
import type PlatformModuleService from "../../../modules/platform/service"

type BlockInput = { actor_id: string; blocked: boolean }

async function setBlocked(container: MedusaContainer, actorId: string, blocked: boolean) {
  const platform = container.resolve<PlatformModuleService>(PLATFORM_MODULE)
  await (blocked ? platform.blockActor(actorId) : platform.unblockActor(actorId))
}

/** Deactivation refuses every token of the actor, reactivation lifts it; each undoes the other. */
export const setActorBlockedStep = createStep(
  "identity-set-actor-blocked",
  async (input: BlockInput, { container }) => {
    await setBlocked(container, input.actor_id, input.blocked)
    return new StepResponse(undefined, input)
  },
  async (input, { container }) => {
    if (input) {
      await setBlocked(container, input.actor_id, !input.blocked)
    }
  }
)
