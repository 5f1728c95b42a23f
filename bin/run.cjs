#!/usr/bin/env node
'use strict'
// s10k's entry: CommonJS, which Node starts faster than an ES module entry (no ESM loader before the bundle).
const {existsSync} = require('node:fs')
const {join} = require('node:path')
const {pathToFileURL} = require('node:url')

// plugins, linked ones included, run their built JavaScript; s10k never transpiles TypeScript on the fly
globalThis.oclif = {...globalThis.oclif, enableAutoTranspile: false}

// an older Node fails somewhere in oclif with an obscure error: say so in one line instead
const [major, minor] = process.versions.node.split('.').map(Number)
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(`s10k needs Node.js 22.12 or later; this is Node.js ${process.versions.node}\n`)
  process.exit(1)
}

const bundle = join(__dirname, '..', 'dist', 'bundle', 's10k.cjs')
if (!existsSync(bundle)) {
  process.stderr.write('s10k is not built: run `npm run build` first (in the s10k folder)\n')
  process.exit(1)
}
// once the command is done and its output flushed, exit: otherwise Node first waits for V8's background compiles
function exitWhenFlushed() {
  let pending = 2
  const flushed = () => {
    if (--pending === 0) process.exit()
  }
  process.stdout.write('', flushed)
  process.stderr.write('', flushed)
}

require(bundle).main(process.argv.slice(2), pathToFileURL(__filename).href).then(exitWhenFlushed)
