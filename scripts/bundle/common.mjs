// How an oclif CLI is bundled as one CommonJS file and loaded with a trained V8 code cache: s10k
// (scripts/bundle.mjs) and the bench's minimal oclif CLI (bench/floor-cli.mjs), built the same way so that the
// two compare fairly.
import {spawn} from 'node:child_process'
import {createHash} from 'node:crypto'
import {copyFileSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'

import ts from 'typescript'

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
 * Modules replaced by stubs (scripts/stubs/<name>.js) when `importer` (its folder) imports `filter`; each must be
 * used, or the build fails. oclif's: wsl-utils, of which oclif reads only isWsl at start-up.
 */
const OCLIF_STUBS = [{name: 'wsl-utils', filter: /^wsl-utils$/, importer: /@oclif[\\/]core[\\/]lib[\\/]util$/}]

export function stubsPlugin(stubs) {
  const stubbed = new Set()
  return {
    name: 'stubs',
    setup(builder) {
      for (const stub of stubs) {
        builder.onResolve({filter: stub.filter}, (args) => {
          if (!stub.importer.test(args.resolveDir)) return undefined
          stubbed.add(stub.name)
          return {path: join(here('..'), 'stubs', `${stub.name}.js`)}
        })
      }
      builder.onEnd(() => {
        for (const stub of stubs) if (!stubbed.has(stub.name)) throw new Error(`the ${stub.name} stub was not used: its importer has changed`)
      })
    },
  }
}

/** The esbuild plugins of such a bundle: oclif's stubs and `more`, and lazy requires in oclif. */
export const bundlePlugins = (more = []) => [stubsPlugin([...OCLIF_STUBS, ...more]), lazyOclifRequires]

const NON_ASCII = /[\u0080-\uffff]/

/**
 * The bundle's text with every non-ASCII character written as an escape. esbuild escapes them everywhere but in
 * regular expression literals (oclif's ansis has U+009B in one) and comments (kept when not minifying); a single
 * one makes V8 keep the whole 0.5 MB source as a two-byte string, which costs about 6% of a `--help` run
 * (reading, hashing, scanning, GC). An escape means the same character in a pattern, and nothing in a comment;
 * anything elsewhere fails the build.
 */
export function asciiSource(code) {
  const source = ts.createSourceFile('bundle.cjs', code, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS)
  const ranges = new Map()
  const comments = (list) => {
    for (const {pos, end} of list ?? []) ranges.set(pos, {end, pattern: false})
  }
  const visit = (node) => {
    comments(ts.getLeadingCommentRanges(code, node.pos))
    comments(ts.getTrailingCommentRanges(code, node.end))
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) ranges.set(node.getStart(source), {end: node.end, pattern: true})
    else ts.forEachChild(node, visit)
  }
  visit(source)
  let out = ''
  let at = 0
  for (const [start, {end, pattern}] of [...ranges].sort(([a], [b]) => a - b)) {
    const text = code.slice(start, end)
    if (start < at || !NON_ASCII.test(text)) continue
    // a UTF-16 unit as \uXXXX: what a pattern matched (a surrogate pair, with or without the u flag, included)
    const escaped = text.replace(/(\\*)([\u0080-\uffff])/g, (_, slashes, c) => {
      if (pattern && slashes.length % 2 === 1) throw new Error(`an escaped non-ASCII character in a pattern at ${start}: ${text}`)
      return `${slashes}\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
    })
    out += code.slice(at, start) + escaped
    at = end
  }
  out += code.slice(at)
  const left = out.match(NON_ASCII)
  if (left)
    throw new Error(
      `the bundle has a non-ASCII character outside a pattern or comment at ${left.index}: ${out.slice(left.index - 40, left.index + 40)}`,
    )
  return out
}

/**
 * Makes the bundle's chunks (`<chunk>.cjs` in `bundleDir`, s10k-code the main one) ASCII (asciiSource), puts the
 * loader (`s10k.cjs`) and its compiler beside them, the compiler naming caches by the chunks' hash, and removes the
 * caches of an earlier build, which are of no use.
 */
export function installLoader(bundleDir, chunks = ['s10k-code']) {
  const hash = createHash('sha256')
  for (const chunk of chunks) {
    const file = join(bundleDir, `${chunk}.cjs`)
    const text = asciiSource(readFileSync(file, 'utf8'))
    writeFileSync(file, text)
    hash.update(`${chunk}\0`).update(text)
  }
  for (const f of readdirSync(bundleDir)) if (f.endsWith('.cache') || f.endsWith('.tmp')) rmSync(join(bundleDir, f))
  const buildId = hash.digest('hex').slice(0, 16)
  const compile = readFileSync(here('compile.cjs'), 'utf8')
  if (!compile.includes("'@BUILD@'")) throw new Error('scripts/bundle/compile.cjs has no @BUILD@ to name caches by')
  writeFileSync(join(bundleDir, 'compile.cjs'), compile.replace("'@BUILD@'", `'${buildId}'`))
  copyFileSync(here('loader.cjs'), join(bundleDir, 's10k.cjs'))
}

/**
 * Runs `command` with `args`, its stdout kept (a pipe: a build at a terminal would colour help, which training
 * does not expect), stdin ignored and stderr inherited; settles with its exit status and output.
 */
export function runKept(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {...options, stdio: ['ignore', 'pipe', 'inherit']})
    const out = []
    child.stdout.on('data', (data) => out.push(data))
    child.on('error', () => resolve({status: 1, out: Buffer.concat(out)}))
    child.on('close', (status) => resolve({status, out: Buffer.concat(out)}))
  })
}

/**
 * Trains the bundle's code cache on each supported Node (scripts/nodes.mjs) and on the Node running the build
 * unless it is older than those (s10k refuses to run there: its cache would only be shipped), all at once, with
 * scripts/bundle/train.cjs (`runs`: its default, s10k's, when not given). Rejects when one fails.
 */
export async function trainCaches(bundleDir, runs) {
  const supported = supportedNodes()
  const oldest = Math.min(...supported.map((n) => n.major))
  const own = Number(process.versions.node.split('.')[0]) >= oldest ? [process.execPath] : []
  const nodes = [...new Set([...own, ...supported.map((n) => n.bin)])]
  const args = [here('train.cjs'), bundleDir, ...(runs ? [JSON.stringify(runs)] : [])]
  const results = await Promise.all(nodes.map((node) => runKept(node, args)))
  for (const [i, {status, out}] of results.entries()) {
    process.stdout.write(out)
    if (status !== 0) throw new Error(`code cache training failed on ${nodes[i]}`)
  }
}

/**
 * An esbuild plugin that makes oclif's module-level `const x_1 = require("y")` load `y` on first use of `x_1`
 * instead of when the module loads: help then loads only the modules help uses. Module bodies run later, not
 * differently; each of oclif's modules must still be rewritten (the build fails if none is).
 */
export const lazyOclifRequires = {
  name: 'lazy-oclif-requires',
  setup(builder) {
    let rewritten = 0
    builder.onLoad({filter: /[\\/]node_modules[\\/]@oclif[\\/]core[\\/]lib[\\/].*\.js$/}, (args) => {
      let code = readFileSync(args.path, 'utf8')
      const names = []
      // TypeScript's names for imports (`node_fs_1`), which appear nowhere else
      code = code.replace(/^const ([\w$]+_\d+) = ((?:__importDefault|__importStar)?\(?require\((["'])[^"']+\3\)\)?);$/gm, (_, name, expr) => {
        names.push(name)
        return `let ${name}$lazy;\nconst ${name}$get = () => (${name}$lazy ??= ${expr});`
      })
      for (const name of names) {
        code = code.replace(new RegExp(`(?<![\\w$.])${name}(?![\\w$])`, 'g'), `(${name}$get())`)
      }
      if (names.length > 0) rewritten++
      return {contents: code, loader: 'js'}
    })
    builder.onEnd(() => {
      if (rewritten === 0) throw new Error("lazy-oclif-requires rewrote none of oclif's modules: has oclif's output changed?")
    })
  },
}
