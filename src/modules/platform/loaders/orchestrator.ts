import type { LoaderOptions } from "@medusajs/framework/types"
import { TransactionOrchestrator } from "@medusajs/framework/orchestration"
import { createParentStepIds } from "../../../utils/workflows/parent-step-id"

type FlowWithSteps = { steps: Record<string, unknown> }
type StepWithId = { id: string }
type GetPreviousStep = (flow: FlowWithSteps, step: StepWithId) => unknown

const parentOf = createParentStepIds()

/**
 * Medusa's workflow orchestrator finds a step's parent by splitting its dotted id on every
 * call; the replacement answers the same (src/utils/workflows/parent-step-id.ts, which
 * tests it against Medusa's computation) without the allocations. Installed once per
 * process, in every process that runs workflows (server, worker, `medusa exec`). When an
 * upgrade of Medusa renames the method, nothing is replaced and workflows run as before.
 */
export default async function orchestratorLoader({ container }: LoaderOptions): Promise<void> {
  const orchestrator = TransactionOrchestrator as unknown as {
    getPreviousStep?: GetPreviousStep
    __engineParentSteps?: boolean
  }
  if (typeof orchestrator.getPreviousStep !== "function" || orchestrator.__engineParentSteps) {
    return
  }
  if (orchestrator.getPreviousStep.length !== 2) {
    container
      .resolve("logger")
      .warn("TransactionOrchestrator.getPreviousStep changed: not replaced")
    return
  }
  orchestrator.getPreviousStep = (flow, step) => flow.steps[parentOf(step.id)]
  orchestrator.__engineParentSteps = true
}
