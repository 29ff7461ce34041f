/** Who is calling: a Medusa customer or admin user, from the verified access token. */
export type Actor = { role: "customer" | "admin"; id: string; authIdentityId: string }
