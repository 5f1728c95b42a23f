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

/**
 * Build time: runs the bundle through help and a dry-run update (no network, output discarded) so that the
 * functions every run needs are compiled, then writes the code cache, which then holds them too.
 */
async function writeCache() {
  const script = compile(undefined)
  const s10k = run(script)
  const {mkdtempSync, rmSync} = require('node:fs')
  const home = mkdtempSync(join(require('node:os').tmpdir(), 's10k-cache-'))
  Object.assign(process.env, {HOME: home, XDG_DATA_HOME: home, XDG_CONFIG_HOME: home, XDG_CACHE_HOME: home, SN_TOKEN_ID: 'training', SN_TOKEN_SECRET: 'training'})
  const [stdout, stderr] = [process.stdout.write, process.stderr.write]
  process.stdout.write = process.stderr.write = () => true
  try {
    const dir = join(__dirname, 'run.js')
    await s10k.execute({args: ['--help'], dir})
    await s10k.execute({args: s10k.prepareArgv(['sec-tokens', 'update', '-id', 'x', '-n', 'a', '-D', 'b', '-a', '-node', '1', '--dry-run']), dir})
  } catch {
    // training is best effort: whatever ran is cached
  } finally {
    process.stdout.write = stdout
    process.stderr.write = stderr
    rmSync(home, {recursive: true, force: true})
  }
  writeFileSync(cacheFile, script.createCachedData())
}

module.exports = {loadBundle}

if (require.main === module && process.argv[2] === '--write-cache' && importer) {
  writeCache().then(
    () => process.exit(0),
    (error) => {
      console.error(error)
      process.exit(1)
    },
  )
}
