'use strict'
// `s10k`'s CommonJS entry (dist/bundle/s10k.cjs): runs the bundle with a V8 code cache for this Node, so that a
// run skips most compiling. This file is an ordinary module, so Node's module cache holds one instance of s10k
// for bin/run.cjs, the hooks and every plugin. The build trains caches for the Node versions it tests; on
// another Node, or when a cache is unreadable, corrupt or from elsewhere (V8 rejects it), the run compiles as
// usual and writes this Node's cache when it exits, for the next run (scripts/bundle/compile.cjs).
const {load} = require('./compile.cjs')

// import() in code restored from a code cache has no callback (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING); the
// patched oclif and lilconfig call this instead (patches/README.md), a function compiled by Node itself
globalThis.__s10kImport ??= (specifier) => import(specifier)

// oclif checks the Node version against its package.json as it loads, which, bundled, it cannot find: the
// check loads semver and then fails silently. Its own switch skips it, for the bundle's loading only.
const engineWarning = process.env.OCLIF_DISABLE_ENGINE_WARNING
process.env.OCLIF_DISABLE_ENGINE_WARNING = 'true'
try {
  load('s10k-code', module, require)
} finally {
  if (engineWarning === undefined) delete process.env.OCLIF_DISABLE_ENGINE_WARNING
  else process.env.OCLIF_DISABLE_ENGINE_WARNING = engineWarning
}
