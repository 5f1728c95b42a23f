#!/usr/bin/env node
// Bundles the s10k core (with oclif, axios and the formatters' libraries) into one CommonJS file,
// dist/bundle/s10k.cjs, which bin/run.js runs and plugins import as `s10k`: one file instead of hundreds of
// modules. Then records V8's code cache for it (dist/bundle/s10k.cjs.cache) with this machine's Node, so
// that each run skips most compilation; a cache from another Node version is rejected and ignored.
import {spawnSync} from 'node:child_process'
import {readFile, writeFile} from 'node:fs/promises'
import {createRequire} from 'node:module'
import {fileURLToPath} from 'node:url'

import {build} from 'esbuild'

const stub = (name) => fileURLToPath(new URL(`stubs/${name}.js`, import.meta.url))

/**
 * Node 20 drops the dynamic import() callback of functions restored from a code cache, so the few import()
 * calls in the bundled libraries (oclif loading plugins' ES modules) go through bin/load-bundle.cjs, whose
 * import() works; without it they fall back to the native one.
 */
const routeDynamicImports = {
  name: 'route-dynamic-imports',
  setup(build) {
    build.onLoad({filter: /node_modules[\\/](@oclif[\\/]core|lilconfig)[\\/].*\.c?js$/}, async (args) => {
      const source = await readFile(args.path, 'utf8')
      const contents = source.replace(/(?<![\w.'"`$])import\((?!\s*['"])/g, '(globalThis.__s10kImport ?? ((s) => import(s)))(')
      return {contents, loader: 'js'}
    })
  },
}

/** axios's fetch adapter, replaced by a stub (see stubs/axios-fetch-adapter.js). */
const withoutFetchAdapter = {
  name: 'without-axios-fetch-adapter',
  setup(build) {
    build.onResolve({filter: /^\.\/fetch\.js$/}, (args) =>
      /axios[\\/]lib[\\/]adapters$/.test(args.resolveDir) ? {path: stub('axios-fetch-adapter')} : undefined,
    )
  },
}

/**
 * axios reads `globalThis.FormData` when imported, and that lazy global makes Node load its fetch
 * implementation (undici, ~18 ms). s10k never sends FormData; axios still recognises one by its tag.
 */
const withoutFormDataProbe = {
  name: 'without-axios-formdata-probe',
  setup(build) {
    build.onLoad({filter: /axios[\\/]lib[\\/]utils\.js$/}, async (args) => {
      const source = await readFile(args.path, 'utf8')
      const probe = "typeof G.FormData !== 'undefined' ? G.FormData : undefined"
      if (!source.includes(probe)) return {contents: source, loader: 'js', warnings: [{text: 'axios FormData probe not found; start-up will load undici'}]}
      return {contents: source.replace(probe, 'undefined'), loader: 'js'}
    })
  },
}

await build({
  entryPoints: ['dist/index.js'],
  outfile: 'dist/bundle/s10k.cjs',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: process.env.S10K_BUNDLE_MINIFY !== 'false',
  legalComments: 'linked',
  logLevel: 'warning',
  // oclif reads a project's tsconfig with TypeScript only in development; never bundle the compiler
  external: ['typescript'],
  alias: {'form-data': stub('form-data')},
  plugins: [routeDynamicImports, withoutFetchAdapter, withoutFormDataProbe],
})

// ES module importers get a facade naming every export, so Node need not scan the bundle to find them
const names = Object.keys(createRequire(import.meta.url)('../dist/bundle/s10k.cjs')).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n))
await writeFile(
  'dist/bundle/s10k.mjs',
  `import {createRequire} from 'node:module'\n\n` +
    `const s10k = createRequire(import.meta.url)('../../bin/load-bundle.cjs').loadBundle()\n\n` +
    `export const {${names.join(', ')}} = s10k\n`,
)

const cache = spawnSync(process.execPath, [fileURLToPath(new URL('../bin/load-bundle.cjs', import.meta.url)), '--write-cache'], {stdio: 'inherit'})
if (cache.status !== 0) process.exit(cache.status ?? 1)
