import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"

/**
 * The ids of Medusa product tags with these values, creating the missing ones; the
 * compensation deletes only the tags this step created.
 */
export const ensureProductTagsStep = createStep(
  "catalog-ensure-tags",
  async (input: { values?: string[] }, { container }) => {
    if (!input.values) {
      return new StepResponse<string[] | undefined, string[]>(undefined, [])
    }
    const values = [...new Set(input.values)]
    if (!values.length) {
      return new StepResponse<string[] | undefined, string[]>([], [])
    }
    const productModule = container.resolve(Modules.PRODUCT)
    const existing = await productModule.listProductTags(
      { value: values },
      { select: ["id", "value"] }
    )
    const known = new Set(existing.map((tag) => tag.value))
    const missing = values.filter((value) => !known.has(value))
    const created = missing.length
      ? await productModule.createProductTags(missing.map((value) => ({ value })))
      : []
    return new StepResponse<string[] | undefined, string[]>(
      [...existing, ...created].map((tag) => tag.id),
      created.map((tag) => tag.id)
    )
  },
  async (created, { container }) => {
    if (created?.length) {
      await container.resolve(Modules.PRODUCT).deleteProductTags(created)
    }
  }
)
