import { MedusaError } from "@medusajs/framework/utils"

/**
 * Turns `:name` placeholders into the positional `?` bindings MikroORM's `execute` takes,
 * so long statements can name their parameters. Only placeholders are replaced: values
 * always travel as bindings, never in the SQL text. `::type` casts and anything inside
 * quoted literals (such as `'[[:alnum:]]'`) are left alone.
 * Arrays must be passed as JSON text (knex would expand a JS array into a list).
 */
export function bindNamed(
  sql: string,
  params: Record<string, string | number | boolean | null>
): [string, (string | number | boolean | null)[]] {
  const values: (string | number | boolean | null)[] = []
  const text = sql.replace(
    /('(?:[^']|'')*')|(?<!:):([a-z_][a-z0-9_]*)/g,
    (match, literal, name: string) => {
      if (literal) {
        return match
      }
      if (!(name in params)) {
        throw new MedusaError(
          MedusaError.Types.UNEXPECTED_STATE,
          `SQL parameter :${name} has no value`
        )
      }
      values.push(params[name])
      return "?"
    }
  )
  return [text, values]
}
