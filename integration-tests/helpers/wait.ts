/**
 * Polls until `check` holds, for effects of asynchronous event subscribers (they run
 * after the request that caused them has answered). Fails after `timeoutMs`.
 */
export async function waitFor(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 30_000
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) {
      throw new Error(`condition not met within ${timeoutMs} ms`)
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}
