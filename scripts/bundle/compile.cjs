'use strict'
// Compiles dist/bundle/s10k-code.cjs (the bundle) as Node would a CommonJS module, optionally with a V8 code
// cache. Shared by the loader (dist/bundle/s10k.cjs) and the build's cache training, so both compile exactly
// the same text: V8 accepts a cache only for the source it was made from.
const {readFileSync} = require('node:fs')
const {join} = require('node:path')
const vm = require('node:vm')

const file = join(__dirname, 's10k-code.cjs')
const cacheFile = `${file}.cache`

function compile(cachedData) {
  const source = readFileSync(file, 'utf8')
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`
  return new vm.Script(wrapped, {filename: file, cachedData})
}

/** Runs a compiled bundle as the module `module` (its exports become the bundle's). */
function run(script, module, require) {
  script.runInThisContext().call(module.exports, module.exports, require, module, file, __dirname)
}

module.exports = {cacheFile, compile, file, run}
