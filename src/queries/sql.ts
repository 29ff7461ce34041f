import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

type Knex = {
  raw: (sql: string, bindings: readonly unknown[]) => Promise<{ rows: unknown[] }>
}

/**
 * Rows of one parameterised, read-only SQL statement over the shop's database (Medusa's
 * modules share it). For the write path's hot reads, where one statement replaces the
 * several that query.graph issues per module and link (docs/DECISIONS.md, "Write-path reads
 * in one statement"). `sql` is always a constant with `?` placeholders: values go in
 * `bindings`, never into the text. `Row` is the caller's word for what `sql` selects.
 */
export async function sqlRows<Row>(
  container: MedusaContainer,
  sql: string,
  bindings: readonly unknown[]
): Promise<Row[]> {
  const knex = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows } = await knex.raw(sql, bindings)
  return rows as Row[]
}
