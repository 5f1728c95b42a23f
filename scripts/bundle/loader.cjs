'use strict'
// `s10k`'s CommonJS entry (dist/bundle/s10k.cjs): runs the bundle with the V8 code cache written at build time,
// so that a run skips most compiling. This file is an ordinary module, so Node's module cache holds one
// instance of s10k for bin/run.cjs, the hooks and every plugin. Without a cache it is a plain require().
const {existsSync, readFileSync} = require('node:fs')

const {cacheFile, compile, file, run} = require('./compile.cjs')

// import() in code restored from a code cache fails on Node 20; the patched oclif and lilconfig call this
// instead (patches/README.md), and a function compiled by Node itself keeps import() working
globalThis.__s10kImport ??= (specifier) => import(specifier)

if (existsSync(cacheFile)) run(compile(readFileSync(cacheFile)), module, require)
else module.exports = require(file)
