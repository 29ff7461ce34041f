/**
 * `npm run db:backup [-- --out DIR]`: a consistent backup of the shop in a new directory
 * under DIR (default `backups/`): the database as pg_dump's custom format and, when files
 * are stored locally (no S3_BUCKET), the upload directory as a tar archive, then a
 * manifest. Restore with `npm run db:restore`. docs/OPERATIONS.md, "Backups".
 */
import fs from "node:fs"
import path from "node:path"
import { loadEnv } from "@medusajs/framework/utils"
import { applyConnectionUrls } from "../src/config/connection-urls"
import {
  DUMP_FILE,
  FILES_ARCHIVE,
  MANIFEST,
  libpqUrl,
  localFilesDir,
  run,
  type BackupManifest,
} from "./lib/backup"
import { ConfigError, describeFailure } from "./lib/config-error"
import { parseDatabaseUrl } from "./lib/database"
import { fail, info } from "./lib/log"

const SCOPE = "backup"

function outputRoot(args: string[]): string {
  const at = args.indexOf("--out")
  if (at >= 0 && !args[at + 1]) {
    throw new ConfigError("--out needs a directory")
  }
  return path.resolve(at >= 0 ? args[at + 1] : "backups")
}

async function main(): Promise<void> {
  loadEnv(process.env.NODE_ENV || "development", process.cwd())
  applyConnectionUrls(process.env)
  if (!process.env.DATABASE_URL) {
    throw new ConfigError("DATABASE_URL is not set: name the database to back up")
  }
  const target = parseDatabaseUrl(process.env.DATABASE_URL)
  const stamp = new Date().toISOString().replace(/[:.]/g, "-")
  const dir = path.join(outputRoot(process.argv.slice(2)), `engine-${target.name}-${stamp}`)
  fs.mkdirSync(dir, { recursive: true })

  info(SCOPE, `dumping database "${target.name}" at ${target.address}`)
  await run("pg_dump", [
    "--format=custom",
    "--no-owner",
    "--no-privileges",
    "--file",
    path.join(dir, DUMP_FILE),
    libpqUrl(target.url),
  ])

  let files: string | null = null
  const filesDir = localFilesDir(process.env, process.cwd())
  if (filesDir && fs.existsSync(filesDir)) {
    info(SCOPE, `archiving uploaded files in ${filesDir}`)
    await run("tar", ["-czf", path.join(dir, FILES_ARCHIVE), "-C", filesDir, "."])
    files = FILES_ARCHIVE
  } else if (!filesDir) {
    info(SCOPE, "files are in S3 (S3_BUCKET): not part of this backup")
  }

  const manifest: BackupManifest = {
    format: 1,
    created_at: new Date().toISOString(),
    database: target.name,
    dump: DUMP_FILE,
    files,
  }
  fs.writeFileSync(path.join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`)
  info(SCOPE, `backup complete: ${dir}`)
}

main().catch((error: unknown) => {
  fail(SCOPE, describeFailure(error))
  process.exit(1)
})
