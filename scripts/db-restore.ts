/**
 * `npm run db:restore -- <backup dir> [--force]`: restores a backup made by
 * `npm run db:backup` into DATABASE_URL (created when missing) and its files into the
 * local upload directory. It refuses a database that already has tables unless --force
 * (which drops the backed-up objects first). Run `npx medusa db:migrate` after restoring
 * an older backup into a newer release. docs/OPERATIONS.md, "Backups".
 */
import fs from "node:fs"
import path from "node:path"
import { loadEnv } from "@medusajs/framework/utils"
import { applyConnectionUrls } from "../src/config/connection-urls"
import { libpqUrl, localFilesDir, readManifest, run } from "./lib/backup"
import { ConfigError, describeFailure } from "./lib/config-error"
import { ensureDatabase, parseDatabaseUrl, queryRows } from "./lib/database"
import { fail, info } from "./lib/log"

const SCOPE = "restore"

async function main(): Promise<void> {
  loadEnv(process.env.NODE_ENV || "development", process.cwd())
  applyConnectionUrls(process.env)
  const args = process.argv.slice(2)
  const force = args.includes("--force")
  const source = args.find((arg) => !arg.startsWith("--"))
  if (!source) {
    throw new ConfigError("usage: npm run db:restore -- <backup directory> [--force]")
  }
  if (!process.env.DATABASE_URL) {
    throw new ConfigError("DATABASE_URL is not set: name the database to restore into")
  }
  const dir = path.resolve(source)
  const manifest = readManifest(dir)
  const target = parseDatabaseUrl(process.env.DATABASE_URL)

  await ensureDatabase(target)
  const [{ tables }] = await queryRows<{ tables: number }>(
    target.url,
    "SELECT count(*)::int AS tables FROM information_schema.tables WHERE table_schema = 'public'"
  )
  if (tables > 0 && !force) {
    throw new ConfigError(
      `database "${target.name}" already has ${tables} tables: restore into an empty database, or pass --force to replace its contents`
    )
  }
  info(SCOPE, `restoring ${manifest.database} (${manifest.created_at}) into "${target.name}"`)
  await run("pg_restore", [
    "--no-owner",
    "--no-privileges",
    "--exit-on-error",
    ...(tables > 0 ? ["--clean", "--if-exists"] : []),
    "--dbname",
    libpqUrl(target.url),
    path.join(dir, manifest.dump),
  ])

  if (manifest.files) {
    const filesDir = localFilesDir(process.env, process.cwd())
    if (!filesDir) {
      info(SCOPE, `S3_BUCKET is set: ${manifest.files} left in ${dir} (upload it to the bucket)`)
    } else {
      fs.mkdirSync(filesDir, { recursive: true })
      await run("tar", ["-xzf", path.join(dir, manifest.files), "-C", filesDir])
      info(SCOPE, `files restored into ${filesDir}`)
    }
  }
  info(SCOPE, "restore complete")
}

main().catch((error: unknown) => {
  fail(SCOPE, describeFailure(error))
  process.exit(1)
})
