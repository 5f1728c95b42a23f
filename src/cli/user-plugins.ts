/**
 * Support for plugins the user installs or links (`s10k plugins install/link`), which live outside the s10k
 * installation: they import `s10k`, and one that cannot be loaded is one warning line.
 */
import {readFileSync} from 'node:fs'
import {register} from 'node:module'
import {homedir} from 'node:os'
import {join} from 'node:path'

/** oclif's data folder for s10k, where user plugins are recorded: S10K_DATA_DIR, or XDG_DATA_HOME/s10k. */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.S10K_DATA_DIR ?? join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 's10k')
}

/** Whether any user plugin is installed or linked (read from oclif's package.json in the data folder). */
export function hasUserPlugins(env: NodeJS.ProcessEnv = process.env): boolean {
  try {
    const pjson = JSON.parse(readFileSync(join(dataDir(env), 'package.json'), 'utf8')) as {oclif?: {plugins?: unknown}}
    return Array.isArray(pjson.oclif?.plugins) && pjson.oclif.plugins.length > 0
  } catch {
    return false
  }
}

/**
 * Lets a user plugin `import 's10k'` from wherever it is, linked or installed: a module resolution hook
 * (dist/bundle/resolve-s10k.mjs) maps the specifier to this s10k's plugin API, so that every plugin shares one
 * instance. Registered only when there are user plugins: it starts Node's hooks thread (about 30 ms).
 */
export function provideS10kToPlugins(hook: URL): void {
  register(hook.href)
}

const reported = new Set<string>()

/**
 * Node's warnings, one line each. oclif reports a plugin that fails to load as a multi-line warning with its
 * internals (module, task, root), for every command of it; this says it once per plugin, naming it. With
 * DEBUG set, Node's own output is kept.
 */
export function onWarning(warning: Error & {detail?: string}, write: (text: string) => void): void {
  const text = [warning.message, warning.detail ?? ''].join('\n')
  const plugin = /^plugin: (.+)$/m.exec(text)?.[1]
  const reason = (/^message: (.+)$/m.exec(text)?.[1] ?? warning.message.split('\n')[0]).replace(/^\[[A-Z_]+\] /, '')
  const line = plugin
    ? `Warning: plugin ${plugin} could not be loaded (${reason}); see: s10k plugins inspect ${plugin}`
    : `Warning: ${warning.name === 'Warning' ? '' : `${warning.name}: `}${reason}`
  if (reported.has(plugin ?? line)) return
  reported.add(plugin ?? line)
  write(`${line}\n`)
}
