#!/usr/bin/env node
// Bundles the s10k core with oclif and the formatters' libraries into one CommonJS file, dist/bundle/s10k-code.cjs,
// and axios into a second, dist/bundle/s10k-axios.cjs: two files instead of hundreds of modules.
// dist/bundle/s10k.cjs loads them with V8 code caches recorded for each Node s10k is tested on
// (scripts/nodes.mjs, scripts/bundle/train.cjs); another Node writes its own on
// first use (scripts/bundle/compile.cjs). Dependencies are bundled as installed: s10k's changes to them are the patch files in patches/,
// applied by `npm ci`. Every step fails the build when it no longer does what it is here for.
import {copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {fileURLToPath} from 'node:url'

import {build} from 'esbuild'

import {BUNDLE_OPTIONS, asciiSource, bundlePlugins, installLoader, stubsPlugin} from './bundle/common.mjs'

const here = (path) => fileURLToPath(new URL(path, import.meta.url))

function fail(message) {
  console.error(`bundle: ${message}`)
  process.exit(1)
}

/**
 * Modules of axios that s10k never runs, replaced in the bundle by stubs: the fetch adapter (s10k always uses
 * the http adapter; importing the real one makes Node load its fetch implementation, ~18 ms) and form-data
 * (multipart bodies, ~50 ms of loading). oclif's stubs are in scripts/bundle/common.mjs.
 */
const AXIOS_STUBS = [
  {name: 'axios-fetch-adapter', filter: /^\.\/fetch\.js$/, importer: /axios[\\/]lib[\\/]adapters$/},
  {name: 'form-data', filter: /^form-data$/, importer: /axios[\\/]lib[\\/]platform[\\/]node[\\/]classes$/},
]

/**
 * Node's http2, which axios imports at start-up but uses only for a request made with `httpVersion: 2` (s10k makes
 * none): in axios's modules that import it, `import http2 from 'http2'` becomes a require on first use (about 5 ms
 * of loading per run). What runs is unchanged; the build fails when the import is no longer there to rewrite.
 */
const lazyAxiosHttp2 = {
  name: 'lazy-axios-http2',
  setup(builder) {
    const rewritten = new Set()
    builder.onLoad({filter: /[\\/]node_modules[\\/]axios[\\/]lib[\\/](adapters[\\/]http|helpers[\\/]Http2Sessions)\.js$/}, (args) => {
      const code = readFileSync(args.path, 'utf8')
      const lazy = code
        .replace(/^import http2 from 'http2';$/m, "let http2$lazy;\nconst http2$get = () => (http2$lazy ??= require('http2'));")
        .replace(/(?<![\w$.])http2\.(?=[\w$])/g, 'http2$get().')
      // rewritten when the import is gone and no other use of the name is left (comments aside)
      const uses = lazy.replace(/^\s*\/\/.*$/gm, '').replace(/http2\$(lazy|get)/g, '')
      if (lazy !== code && !/(?<![\w$.'])http2(?![\w$'])/.test(uses)) rewritten.add(args.path)
      return {contents: lazy, loader: 'js'}
    })
    builder.onEnd(() => {
      if (rewritten.size !== 2) throw new Error(`lazy-axios-http2 rewrote ${rewritten.size} of axios's 2 modules that import http2`)
    })
  },
}

/** The bundle's chunks (dist/bundle/<chunk>.cjs), each with its own code cache: the main one, and axios. */
const CHUNKS = ['s10k-code', 's10k-axios']

mkdirSync('dist/bundle', {recursive: true})

/**
 * axios, which s10k imports on its first request only, as a chunk of its own (dist/bundle/s10k-axios.cjs, one
 * CommonJS module whose exports are the axios instance, what `import('axios')` gives as `default`), loaded with its
 * own code cache by scripts/bundle/compile.cjs. In the main bundle, axios's functions were declared at the top level
 * (esbuild hoists an ES module package's), where every run, help included, created them and the cache held them.
 */
await build({
  ...BUNDLE_OPTIONS,
  stdin: {contents: "export {default} from 'axios'", resolveDir: process.cwd(), sourcefile: 'axios-entry.js'},
  footer: {js: 'module.exports = module.exports.default;'},
  outfile: 'dist/bundle/s10k-axios.cjs',
  plugins: [stubsPlugin(AXIOS_STUBS), lazyAxiosHttp2],
})

/** Resolves s10k's `import('axios')` (in dist/http) to the chunk, loaded when that import runs. */
const axiosChunk = {
  name: 'axios-chunk',
  setup(builder) {
    let used = false
    builder.onResolve({filter: /^axios$/}, (args) => {
      if (!/[\\/]dist[\\/]http$/.test(args.resolveDir)) return undefined
      used = true
      return {path: 'axios', namespace: 's10k-chunk'}
    })
    builder.onResolve({filter: /^\.\/compile\.cjs$/, namespace: 's10k-chunk'}, () => ({path: './compile.cjs', external: true}))
    builder.onLoad({filter: /^axios$/, namespace: 's10k-chunk'}, () => ({
      contents: "module.exports = require('./compile.cjs').load('s10k-axios', {exports: {}}, require)",
      loader: 'js',
    }))
    builder.onEnd(() => {
      if (!used) throw new Error('axios-chunk: s10k no longer imports axios from dist/http')
    })
  },
}

await build({
  ...BUNDLE_OPTIONS,
  entryPoints: ['dist/cli/index.js'],
  outfile: 'dist/bundle/s10k-code.cjs',
  plugins: [...bundlePlugins(), axiosChunk],
})

// code restored from the cache cannot run import() (no callback; Node's only fix is experimental and warns on
// every run): every import() must go through the patched loaders (patches/), so none may be left in a chunk
for (const chunk of CHUNKS) {
  const text = readFileSync(`dist/bundle/${chunk}.cjs`, 'utf8')
  if (chunk === 's10k-code' && !text.includes('__s10kImport')) fail('the import() patches of patches/ are not in the bundle: run npm ci')
  const code = text
    // the patches' fallback for when the loader is not there, and the text "import()" in a message, are fine
    .replace(/globalThis\.__s10kImport\(([\w$]+)\):import\(\1\)/g, '')
    .replaceAll('import()', '')
  const bare = code.match(/(?<![\w$.])import\(/g)
  if (bare) fail(`${bare.length} import() call(s) in ${chunk}.cjs would fail with the code cache; are the patches in patches/ applied (npm ci)?`)
}

installLoader('dist/bundle', CHUNKS)
copyFileSync(here('bundle/resolve-s10k.mjs'), 'dist/bundle/resolve-s10k.mjs')

// plugins see only the plugin API (src/index.ts), never the CLI's wiring (src/cli/)
const require = createRequire(import.meta.url)
const api = Object.keys(await import('../dist/index.js')).sort()
const all = require('../dist/bundle/s10k-code.cjs')
const missing = api.filter((name) => !(name in all))
if (missing.length > 0) fail(`the bundle lacks plugin API exports: ${missing.join(', ')}`)
writeFileSync(
  'dist/bundle/index.cjs',
  `'use strict'\n// s10k's plugin API (src/index.ts) for require()\nconst s10k = require('./s10k.cjs')\n\nmodule.exports = {${api.map((n) => `${n}: s10k.${n}`).join(', ')}}\n`,
)
writeFileSync(
  'dist/bundle/index.mjs',
  `// s10k's plugin API (src/index.ts) for import\nimport {createRequire} from 'node:module'\n\nconst s10k = createRequire(import.meta.url)('./s10k.cjs')\n\nexport const {${api.join(', ')}} = s10k\n`,
)

/**
 * Each first-party plugin's commands as one CommonJS file, dist/commands.cjs, exporting COMMANDS (oclif's explicit
 * command strategy): running a command then loads one file instead of walking an ES module graph of many small
 * ones. `s10k` stays external, so the plugin uses the CLI's own instance.
 */
async function bundlePluginCommands(plugin) {
  const dir = `plugins/${plugin}/dist/commands`
  const files = readdirSync(dir, {recursive: true})
    .map(String)
    .filter((f) => f.endsWith('.js'))
    .sort()
  if (files.length === 0) fail(`plugins/${plugin} has no commands in ${dir}`)
  const entry = files
    .map((f, i) => `import C${i} from './commands/${f.replaceAll('\\', '/')}'`)
    .concat(`export const COMMANDS = {${files.map((f, i) => `'${f.replace(/\.js$/, '').split(/[\\/]/).join(':')}': C${i}`).join(', ')}}`)
    .join('\n')
  await build({
    stdin: {contents: entry, resolveDir: `plugins/${plugin}/dist`, sourcefile: 'commands-entry.js'},
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: BUNDLE_OPTIONS.target,
    external: ['s10k'],
    outfile: `plugins/${plugin}/dist/commands.cjs`,
    logLevel: 'warning',
  })
  // ASCII, as the core's bundle (a comment's § made Node keep this one as a two-byte string)
  writeFileSync(`plugins/${plugin}/dist/commands.cjs`, asciiSource(readFileSync(`plugins/${plugin}/dist/commands.cjs`, 'utf8')))
}

for (const plugin of readdirSync('plugins')) {
  const pjson = JSON.parse(readFileSync(`plugins/${plugin}/package.json`, 'utf8'))
  if (pjson.oclif?.commands?.target !== './dist/commands.cjs')
    fail(`plugins/${plugin}/package.json: oclif.commands must be the explicit ./dist/commands.cjs`)
  await bundlePluginCommands(plugin)
}
