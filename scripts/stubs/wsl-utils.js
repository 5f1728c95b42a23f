// oclif asks wsl-utils whether it runs under WSL on every start; the module also loads child_process,
// fs/promises and powershell-utils at once. This gives is-wsl's answer, and loads the rest only for
// powerShellPath (oclif asks for it on Windows without SHELL).
export {default as isWsl} from 'is-wsl'

export async function powerShellPath() {
  return (await import('wsl-utils')).powerShellPath()
}
