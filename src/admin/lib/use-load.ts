import { useCallback, useEffect, useState } from "react"

/** Loads data when `key` changes; `reload` fetches again (after a change). */
export function useLoad<T>(load: () => Promise<T>, key: string) {
  const [data, setData] = useState<T | undefined>()
  const [error, setError] = useState<string | undefined>()
  const [version, setVersion] = useState(0)
  useEffect(() => {
    let live = true
    load().then(
      (value) => live && (setData(value), setError(undefined)),
      (reason: unknown) =>
        live && setError(String(reason instanceof Error ? reason.message : reason))
    )
    return () => {
      live = false
    }
  }, [key, version])
  const reload = useCallback(() => setVersion((v) => v + 1), [])
  return { data, error, reload }
}
