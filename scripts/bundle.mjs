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
 * Changes to the bundled libraries' sources, each checked: a library update that moves the text fails the
 * build (or, for a patch that only saves time, warns) instead of silently changing behaviour.
 */
const PATCHES = [
  {
    // Node 20 drops the dynamic import() callback of functions restored from a code cache, so the import()
    // calls with computed specifiers (oclif loading plugins' ES modules) go through bin/load-bundle.cjs,
    // whose import() works; without it they fall back to the native one.
    file: /node_modules[\\/](@oclif[\\/]core|lilconfig)[\\/].*\.c?js$/,
    apply: (source) => source.replace(/(?<![\w.'"`$])import\((?!\s*['"])/g, '(globalThis.__s10kImport ?? ((s) => import(s)))('),
  },
  {
    // oclif takes `--description=-n...` for a missing value because `-n` is a flag; a value attached with `=`
    // is always a value, as in picocli
    file: /@oclif[\\/]core[\\/]lib[\\/]parser[\\/]parse\.js$/,
    required: true,
    replacements: [
      ['const equalsParsed = await parseFlag(arg.slice(0, i));', 'this.s10kAttached = sliced;\n                    const equalsParsed = await parseFlag(arg.slice(0, i));\n                    this.s10kAttached = undefined;'],
      ["if (typeof input !== 'string' || this.findFlag(input).name) {", "if (typeof input !== 'string' || (input !== this.s10kAttached && this.findFlag(input).name)) {"],
    ],
  },
  {
    // axios reads `globalThis.FormData` when imported, and that lazy global makes Node load its fetch
    // implementation (undici, ~18 ms). s10k never sends FormData; axios still recognises one by its tag.
    file: /axios[\\/]lib[\\/]utils\.js$/,
    replacements: [["typeof G.FormData !== 'undefined' ? G.FormData : undefined", 'undefined']],
  },
]

const patchSources = {
  name: 'patch-sources',
  setup(build) {
    build.onLoad({filter: /node_modules[\\/].*\.c?js$/}, async (args) => {
      const patches = PATCHES.filter((p) => p.file.test(args.path))
      if (patches.length === 0) return undefined
      let contents = await readFile(args.path, 'utf8')
      const warnings = []
      for (const patch of patches) {
        if (patch.apply) contents = patch.apply(contents)
        for (const [from, to] of patch.replacements ?? []) {
          if (contents.includes(from)) contents = contents.replace(from, to)
          else if (patch.required) return {errors: [{text: `cannot patch ${args.path}: "${from}" not found`}]}
          else warnings.push({text: `not patched (start-up may be slower): "${from}" not found in ${args.path}`})
        }
      }
      return {contents, loader: 'js', warnings}
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
  plugins: [patchSources, withoutFetchAdapter],
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
