import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { blockActor, unblockActor } from "../../../infra/revocations"

/** Deactivation refuses every token of the actor, reactivation lifts it; each undoes the other. */
export const setActorBlockedStep = createStep(
  "identity-set-actor-blocked",
  async (input: { actor_id: string; blocked: boolean }) => {
    await (input.blocked ? blockActor(input.actor_id) : unblockActor(input.actor_id))
    return new StepResponse(undefined, input)
  },
  async (input) => {
    if (input) {
      await (input.blocked ? unblockActor(input.actor_id) : blockActor(input.actor_id))
    }
  }
)
