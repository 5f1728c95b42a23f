#!/usr/bin/env node
// Bundles the s10k core (with oclif and its other dependencies) into dist/s10k.js, which bin/run.js runs and
// plugins import as `s10k`: one module instead of hundreds makes start-up about twice as fast. Modules that
// only some runs need (axios, table, json-2-csv, dayjs) stay in chunks loaded on first use.
import {build} from 'esbuild'
import {fileURLToPath} from 'node:url'

const stub = (name) => fileURLToPath(new URL(`stubs/${name}.js`, import.meta.url))

await build({
  entryPoints: {s10k: 'dist/index.js'},
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: process.env.S10K_BUNDLE_MINIFY !== 'false',
  legalComments: 'linked',
  logLevel: 'warning',
  // oclif reads a project's tsconfig with TypeScript only in development; never bundle the compiler
  external: ['typescript'],
  alias: {'form-data': stub('form-data')},
  banner: {js: "import{createRequire as __s10kRequire}from'node:module';const require=__s10kRequire(import.meta.url);"},
})
