// Builds the bench's minimal oclif CLI (bench/floor-cli/cli.mjs) as s10k is built: one CommonJS bundle
// (scripts/bundle/common.mjs's options), the same loader and code cache trained on each supported Node, a
// CommonJS launcher, oclif's explicit command strategy and a manifest.
import {spawnSync} from 'node:child_process'
import {mkdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'

import {build} from 'esbuild'

import {BUNDLE_OPTIONS, bundlePlugins, installLoader, trainCaches} from '../scripts/bundle/common.mjs'

const ROOT = fileURLToPath(new URL('..', import.meta.url))

/** Builds the CLI into `dir`; returns its launcher, bin/run.cjs. */
export async function buildFloorCli(dir) {
  const bundleDir = join(dir, 'dist', 'bundle')
  mkdirSync(bundleDir, {recursive: true})
  mkdirSync(join(dir, 'bin'), {recursive: true})
  const target = {target: './dist/bundle/s10k.cjs'}
  const pjson = {
    name: 'floor',
    version: '1.0.0',
    files: ['bin', 'dist', 'oclif.manifest.json'],
    oclif: {
      bin: 'floor',
      dirname: 'floor',
      topicSeparator: ' ',
      commands: {strategy: 'explicit', ...target, identifier: 'COMMANDS'},
    },
  }
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(pjson, null, 2)}\n`)
  await build({
    ...BUNDLE_OPTIONS,
    plugins: bundlePlugins(),
    entryPoints: [join(ROOT, 'bench', 'floor-cli', 'cli.mjs')],
    outfile: join(bundleDir, 's10k-code.cjs'),
  })
  installLoader(bundleDir)
  const launcher = join(dir, 'bin', 'run.cjs')
  writeFileSync(
    launcher,
    `#!/usr/bin/env node\n'use strict'\nrequire('../dist/bundle/s10k.cjs').execute({args: process.argv.slice(2), dir: __filename})\n`,
  )
  await trainCaches(bundleDir, [{args: ['--help'], expect: '^USAGE$'}])
  const manifest = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'oclif', 'bin', 'run.js'), 'manifest'], {
    cwd: dir,
    env: {...process.env, OCLIF_SKIP_NEW_VERSION_CHECK: 'true'},
    encoding: 'utf8',
  })
  if (manifest.status !== 0) throw new Error(`oclif manifest failed for the minimal CLI: ${manifest.stderr}`)
  return launcher
}
