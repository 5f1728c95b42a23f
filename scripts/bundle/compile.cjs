'use strict'
// Compiles the bundle's chunks (dist/bundle/<chunk>.cjs: s10k-code, everything a run starts with, and s10k-axios,
// loaded on the first request) as Node would CommonJS modules, optionally with a V8 code cache, and finds and
// writes those caches. Shared by the loader (dist/bundle/s10k.cjs), the bundle itself (for s10k-axios) and the
// build's cache training, so all compile exactly the same text: V8 accepts a cache only for the source it was made from.
const {mkdirSync, readFileSync, renameSync, rmSync, writeFileSync} = require('node:fs')
const {homedir} = require('node:os')
const {join} = require('node:path')
const vm = require('node:vm')

const MAIN = 's10k-code'

// a cache is valid for one build of the bundle (this hash of its chunks, written in by scripts/bundle.mjs) and one
// Node: V8 checks its own version but only the length of the source, so the build is in the name
const BUILD = '@BUILD@'
const cacheName = (chunk) => `${chunk}.${BUILD}.node-${process.version}-${process.arch}.cache`

/** The file of a chunk. */
const chunkFile = (chunk = MAIN) => join(__dirname, `${chunk}.cjs`)

/** oclif's cache folder for s10k (S10K_CACHE_DIR, or the platform's), for an installation we cannot write to. */
function userCacheDir(env = process.env) {
  if (env.S10K_CACHE_DIR) return join(env.S10K_CACHE_DIR, 'code-cache')
  const home = env.HOME || homedir()
  if (process.platform === 'darwin') return join(home, 'Library', 'Caches', 's10k', 'code-cache')
  const base = env.XDG_CACHE_HOME || (process.platform === 'win32' && env.LOCALAPPDATA) || join(home, '.cache')
  return join(base, 's10k', 'code-cache')
}

/** Where this Node's cache of a chunk may be, in the order read and written: next to the bundle, then the user's folder. */
function cacheFiles(chunk = MAIN) {
  return [join(__dirname, cacheName(chunk)), join(userCacheDir(), cacheName(chunk))]
}

function compile(cachedData, chunk = MAIN) {
  const file = chunkFile(chunk)
  const source = readFileSync(file, 'utf8')
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`
  return new vm.Script(wrapped, {filename: file, cachedData})
}

/** Runs a compiled chunk as the module `module` (its exports become the chunk's). */
function run(script, module, require, chunk = MAIN) {
  script.runInThisContext().call(module.exports, module.exports, require, module, chunkFile(chunk), __dirname)
}

/** The script of each chunk loaded in this process (the build's training writes their caches). */
const loaded = new Map()

/**
 * Compiles and runs a chunk as `module`, with this Node's cache of it when there is one V8 accepts (none, or a
 * corrupt or foreign one, and it compiles as usual and writes this Node's cache when the process exits, for the
 * next run). Returns the chunk's exports.
 */
function load(chunk, module, require) {
  let cached
  for (const path of cacheFiles(chunk)) {
    try {
      cached = readFileSync(path)
      break
    } catch {
      // not there (or unreadable): the next place, or none
    }
  }
  const script = compile(cached, chunk)
  loaded.set(chunk, script)
  if (cached === undefined || script.cachedDataRejected) process.once('exit', () => saveCache(script, cacheFiles(chunk)))
  run(script, module, require, chunk)
  return module.exports
}

/**
 * Writes the code cache of `script` (with every function compiled so far) to the first place that takes it,
 * atomically: a temporary file renamed over the cache, so a reader sees the old cache or the new, never part
 * of one. Returns where it was written, or undefined when nowhere could be (a run without a cache still works).
 */
function saveCache(script, places = cacheFiles()) {
  const data = script.createCachedData()
  for (const path of places) {
    const temp = `${path}.${process.pid}.tmp`
    try {
      mkdirSync(join(path, '..'), {recursive: true, mode: 0o700})
      writeFileSync(temp, data, {mode: 0o644})
      renameSync(temp, path)
      return path
    } catch {
      try {
        rmSync(temp, {force: true})
      } catch {
        // the folder itself is not there or not ours: nothing was left behind
      }
    }
  }
  return undefined
}

module.exports = {cacheFiles, compile, load, loaded, run, saveCache}
