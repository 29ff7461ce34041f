import { Client } from "pg"

/**
 * Runs `work` with a connection to the bench database when its PostgreSQL has autovacuum
 * off (this machine's does: `/etc/postgresql/15/main/conf.d/90-ci.conf`), so a benchmark
 * can do what autovacuum would in production; does nothing when it is on or `url` is unset.
 */
export async function withoutAutovacuum(
  url: string | undefined,
  work: (db: Client) => Promise<void>
): Promise<void> {
  if (!url) {
    return
  }
  const db = new Client({ connectionString: url })
  await db.connect()
  try {
    const { rows } = await db.query<{ autovacuum: string }>("show autovacuum")
    if (rows[0]?.autovacuum !== "on") {
      await work(db)
    }
  } finally {
    await db.end()
  }
}
