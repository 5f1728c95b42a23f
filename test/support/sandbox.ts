import type {ChildProcessWithoutNullStreams} from 'node:child_process'

/**
 * Waits for `npm run emulator` (scripts/sandbox.mjs) to print its banner, up to its last line; rejects if it exits
 * first. Gives the banner, and what the emulator has written by now whenever asked (it goes on writing).
 */
export async function sandboxBanner(child: ChildProcessWithoutNullStreams): Promise<{banner: string; written: () => string}> {
  let out = ''
  child.stdout.setEncoding('utf8')
  const banner = await new Promise<string>((resolve, reject) => {
    child.on('exit', (code) => {
      reject(new Error(`the emulator exited (${code}): ${out}`))
    })
    child.stdout.on('data', (data: string) => {
      out += data
      if (out.includes('Ctrl-C stops the emulator.')) resolve(out)
    })
  })
  return {banner, written: () => out}
}
