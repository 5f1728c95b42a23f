'use strict'
// Loads dist/bundle/s10k.cjs with the V8 code cache written at build time, into Node's module cache so that
// plugins importing `s10k` share this one instance. Without a usable cache it is an ordinary require().
const {existsSync, readFileSync, writeFileSync} = require('node:fs')
const Module = require('node:module')
const {dirname, join} = require('node:path')
const vm = require('node:vm')

const file = join(__dirname, '..', 'dist', 'bundle', 's10k.cjs')
const cacheFile = `${file}.cache`
const importer = vm.constants && vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER

// the bundle's import() calls come here: a function compiled by Node itself keeps its import() working
globalThis.__s10kImport = (specifier) => import(specifier)

function compile(cachedData) {
  const source = readFileSync(file, 'utf8')
  return new vm.Script(Module.wrap(source), {filename: file, cachedData, importModuleDynamically: importer})
}

function run(script) {
  const module = new Module(file, null)
  module.filename = file
  module.paths = Module._nodeModulePaths(dirname(file))
  Module._cache[file] = module
  try {
    script.runInThisContext().call(module.exports, module.exports, Module.createRequire(file), module, file, dirname(file))
  } catch (error) {
    delete Module._cache[file]
    throw error
  }
  module.loaded = true
  return module.exports
}

function loadBundle() {
  const cached = Module._cache[file]
  if (cached) return cached.exports
  if (!importer || !existsSync(cacheFile)) return require(file)
  return run(compile(readFileSync(cacheFile)))
}

if (require.main === module && process.argv[2] === '--write-cache') {
  if (!importer) process.exit(0)
  const script = compile(undefined)
  run(script)
  writeFileSync(cacheFile, script.createCachedData())
} else {
  module.exports = {loadBundle}
}
