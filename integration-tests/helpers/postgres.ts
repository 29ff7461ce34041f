import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { AxiosResponse } from "axios"
import { Client } from "pg"

/**
 * A client of the app's database that is not the app's (another server, psql, a
 * migration): the fault suite holds locks and reads what is committed with it.
 */
export async function otherDatabaseClient(container: MedusaContainer): Promise<Client> {
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const client = new Client({ connectionString: pg.client.config.connection.connectionString })
  await client.connect()
  return client
}

/** The 503 of a database outage: the shared error shape, naming the database, Retry-After. */
export function expectDatabaseUnavailable(response: AxiosResponse, what: string): void {
  expect({ what, status: response.status }).toEqual({ what, status: 503 })
  expect(response.data).toMatchObject({
    type: "service_unavailable",
    message: expect.stringContaining("database"),
  })
  expect(response.headers["retry-after"]).toBe("5")
}
