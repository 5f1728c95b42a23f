import {isAbsolute, resolve} from 'node:path'

/** `plugins install` and its alias, as oclif receives them after the global options are moved. */
const INSTALL = new Set(['plugins:install', 'plugins:add'])

const PATH_LIKE = /^(\.{1,2}[/\\]|[/\\]|~[/\\])|\.(tgz|tar\.gz)$/

/**
 * `s10k plugins install ./plugin.tgz`, `../dir`, `/abs/plugin.tgz`, `file:./x.tgz`: a path is made absolute
 * against the current directory and given to oclif as `file:/abs/path`. oclif would otherwise take `./x` for a
 * GitHub repository (a minute of network attempts) and resolve `file:./x` against its data folder.
 */
export function resolvePluginPaths(argv: readonly string[], cwd: string, home: string): string[] {
  const at = argv[0] === 'plugins' && (argv[1] === 'install' || argv[1] === 'add') ? 2 : INSTALL.has(argv[0]) ? 1 : -1
  if (at === -1) return [...argv]
  return argv.map((arg, i) => {
    if (i < at || arg.startsWith('-')) return arg
    const path = arg.startsWith('file:') ? arg.slice('file:'.length) : PATH_LIKE.test(arg) ? arg : undefined
    if (path === undefined || path.startsWith('//')) return arg
    const expanded = path.startsWith('~/') || path.startsWith('~\\') ? resolve(home, path.slice(2)) : path
    return `file:${isAbsolute(expanded) ? expanded : resolve(cwd, expanded)}`
  })
}
