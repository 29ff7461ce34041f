import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"

/**
 * The ids of Medusa product tags with these values, creating the missing ones; the
 * compensation deletes only the tags this step created. Find-or-create runs under a lock
 * per tag value: tag values are unique, so two products created at once with the same new
 * tag would otherwise both try to create it and one would fail.
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
    const keys = values.sort().map((value) => `product-tag:${value}`)
    const { existing, created } = await container
      .resolve(Modules.LOCKING)
      .execute(keys, async () => {
        const existing = await productModule.listProductTags(
          { value: values },
          { select: ["id", "value"] }
        )
        const known = new Set(existing.map((tag) => tag.value))
        const missing = values.filter((value) => !known.has(value))
        const created = missing.length
          ? await productModule.createProductTags(missing.map((value) => ({ value })))
          : []
        return { existing, created }
      })
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
