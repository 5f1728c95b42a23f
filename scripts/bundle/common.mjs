// How an oclif CLI is bundled as one CommonJS file and loaded with a trained V8 code cache: s10k
// (scripts/bundle.mjs) and the bench's minimal oclif CLI (bench/floor-cli.mjs), built the same way so that the
// two compare fairly.
import {spawnSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import {copyFileSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'

import {supportedNodes} from '../nodes.mjs'

const here = (path) => fileURLToPath(new URL(path, import.meta.url))

/** esbuild's options; the bundle is `<bundleDir>/s10k-code.cjs`. */
export const BUNDLE_OPTIONS = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node22',
  minify: process.env.S10K_BUNDLE_MINIFY !== 'false',
  legalComments: 'linked',
  logLevel: 'warning',
  // oclif reads a project's tsconfig with TypeScript only in development; never bundle the compiler
  external: ['typescript'],
}

/**
 * Puts the loader (`s10k.cjs`) and its compiler beside the bundle, the compiler naming caches by the bundle's
 * hash, and removes the caches of an earlier build, which are of no use.
 */
export function installLoader(bundleDir) {
  for (const f of readdirSync(bundleDir)) if (f.endsWith('.cache') || f.endsWith('.tmp')) rmSync(join(bundleDir, f))
  const buildId = createHash('sha256')
    .update(readFileSync(join(bundleDir, 's10k-code.cjs')))
    .digest('hex')
    .slice(0, 16)
  const compile = readFileSync(here('compile.cjs'), 'utf8')
  if (!compile.includes("'@BUILD@'")) throw new Error('scripts/bundle/compile.cjs has no @BUILD@ to name caches by')
  writeFileSync(join(bundleDir, 'compile.cjs'), compile.replace("'@BUILD@'", `'${buildId}'`))
  copyFileSync(here('loader.cjs'), join(bundleDir, 's10k.cjs'))
}

/**
 * Trains the bundle's code cache on the Node running the build and on each supported one (scripts/nodes.mjs),
 * with scripts/bundle/train.cjs (`runs`: its default, s10k's, when not given). Throws when one fails.
 */
export function trainCaches(bundleDir, runs) {
  for (const node of new Set([process.execPath, ...supportedNodes().map((n) => n.bin)])) {
    const args = [here('train.cjs'), bundleDir, ...(runs ? [JSON.stringify(runs)] : [])]
    const train = spawnSync(node, args, {stdio: 'inherit'})
    if (train.status !== 0) throw new Error(`code cache training failed on ${node}`)
  }
}
