import type {
  MedusaContainer,
  RemoteQueryFunctionReturnPagination,
  RemoteQueryInput,
} from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

export type GraphRows<Row> = { data: Row[]; metadata?: RemoteQueryFunctionReturnPagination }

/**
 * query.graph with its rows typed as `Row`: the fields the call selects, as Medusa's modules
 * return them. Query's own row type cannot be checked against: it is the entity's whole
 * generated GraphQL type whatever `fields` selects (`any` until `medusa build` or `develop`
 * writes .medusa/types), with GraphQL's scalars where the modules return other values (an
 * order's `display_id` is a string there, a number in the row). So `Row` is the caller's
 * word for what its `fields` read.
 */
export async function queryGraph<Row>(
  container: MedusaContainer,
  input: RemoteQueryInput<string>
): Promise<GraphRows<Row>> {
  const { data, metadata } = await container.resolve(ContainerRegistrationKeys.QUERY).graph(input)
  return { data: data as Row[], metadata }
}
