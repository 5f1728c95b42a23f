'use strict'
// Compiles dist/bundle/s10k-code.cjs (the bundle) as Node would a CommonJS module, optionally with a V8 code
// cache, and finds and writes those caches. Shared by the loader (dist/bundle/s10k.cjs) and the build's cache
// training, so both compile exactly the same text: V8 accepts a cache only for the source it was made from.
const {mkdirSync, readFileSync, renameSync, rmSync, writeFileSync} = require('node:fs')
const {homedir} = require('node:os')
const {join} = require('node:path')
const vm = require('node:vm')

const file = join(__dirname, 's10k-code.cjs')

// a cache is valid for one build of the bundle (this hash, written in by scripts/bundle.mjs) and one Node:
// V8 checks its own version but only the length of the source, so the build is in the name
const BUILD = '@BUILD@'
const name = `s10k-code.${BUILD}.node-${process.version}-${process.arch}.cache`

/** oclif's cache folder for s10k (S10K_CACHE_DIR, or the platform's), for an installation we cannot write to. */
function userCacheDir(env = process.env) {
  if (env.S10K_CACHE_DIR) return join(env.S10K_CACHE_DIR, 'code-cache')
  const home = env.HOME || homedir()
  if (process.platform === 'darwin') return join(home, 'Library', 'Caches', 's10k', 'code-cache')
  const base = env.XDG_CACHE_HOME || (process.platform === 'win32' && env.LOCALAPPDATA) || join(home, '.cache')
  return join(base, 's10k', 'code-cache')
}

/** Where this Node's cache may be, in the order read and written: next to the bundle, then the user's folder. */
function cacheFiles() {
  return [join(__dirname, name), join(userCacheDir(), name)]
}

function compile(cachedData) {
  const source = readFileSync(file, 'utf8')
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`
  return new vm.Script(wrapped, {filename: file, cachedData})
}

/** Runs a compiled bundle as the module `module` (its exports become the bundle's). */
function run(script, module, require) {
  script.runInThisContext().call(module.exports, module.exports, require, module, file, __dirname)
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

module.exports = {cacheFiles, compile, file, run, saveCache}
