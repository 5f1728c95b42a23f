import {copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {ROOT} from './cli.js'

/**
 * A copy of the built installation (launcher, package.json, manifest and dist/bundle without its code caches)
 * sharing this checkout's node_modules, for tests that change or break what a run reads at start-up.
 */
export function copyInstallation(): {root: string; bundle: string; bin: string; remove(): void} {
  const root = mkdtempSync(join(tmpdir(), 's10k-copy-'))
  const bundle = join(root, 'dist', 'bundle')
  mkdirSync(bundle, {recursive: true})
  mkdirSync(join(root, 'bin'))
  for (const file of ['package.json', 'oclif.manifest.json', 'bin/run.cjs']) copyFileSync(join(ROOT, file), join(root, file))
  for (const file of readdirSync(join(ROOT, 'dist', 'bundle')).filter((f) => !f.endsWith('.cache'))) {
    cpSync(join(ROOT, 'dist', 'bundle', file), join(bundle, file))
  }
  symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'))
  return {
    root,
    bundle,
    bin: join(root, 'bin', 'run.cjs'),
    remove: () => {
      rmSync(root, {recursive: true, force: true})
    },
  }
}
