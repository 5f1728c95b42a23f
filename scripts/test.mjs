#!/usr/bin/env node
// `npm test` (after `npm run build`): type-checks the tests, lints, then runs every test file with node's test
// runner, once on each supported Node (scripts/nodes.mjs). Unit tests import the sources (`s10k` resolves to
// src/ through the `development` condition); the end-to-end tests run bin/run.cjs, as users do, on the build
// that `npm test` has just made, with the Node running the tests (its `node` first on PATH for npm and scripts).
import {spawnSync} from 'node:child_process'
import {readdirSync, statSync} from 'node:fs'
import {join} from 'node:path'
import {performance} from 'node:perf_hooks'

import {envFor, supportedNodes} from './nodes.mjs'

function step(command, args, env = process.env) {
  const result = spawnSync(command, args, {stdio: 'inherit', env})
  return result.status ?? 1
}

function testFiles(dir) {
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) return name === 'support' || name === 'fixtures' ? [] : testFiles(path)
      return name.endsWith('.test.ts') ? [path] : []
    })
    .sort()
}

const only = process.argv.slice(2)
if (only.length === 0) {
  for (const [command, args] of [
    ['npx', ['tsc', '-p', 'tsconfig.test.json']],
    ['npm', ['run', '--silent', 'lint']],
  ]) {
    const status = step(command, args)
    if (status !== 0) process.exit(status)
  }
}
const files = only.length > 0 ? only : testFiles('test')
// S10K_TEST_NODE=24 runs on that one only (development); by default every supported Node, one after the other
const nodes = supportedNodes().filter((n) => !process.env.S10K_TEST_NODE || String(n.major) === process.env.S10K_TEST_NODE)
if (nodes.length === 0) throw new Error(`S10K_TEST_NODE=${process.env.S10K_TEST_NODE} is not a supported Node`)
const results = []
for (const node of nodes) {
  const version = spawnSync(node.bin, ['--version'], {encoding: 'utf8'}).stdout.trim()
  console.log(`\n# Node ${version}\n`)
  const start = performance.now()
  // the end-to-end tests mostly wait for child processes, so a few files run at once even on two cores
  const status = step(
    node.bin,
    ['--conditions=development', '--import', 'tsx', '--test', '--test-concurrency=3', '--test-reporter=spec', ...files],
    envFor(node),
  )
  results.push({version, status, seconds: (performance.now() - start) / 1000})
}
console.log()
for (const r of results) console.log(`Node ${r.version}: ${r.status === 0 ? 'passed' : 'FAILED'} in ${r.seconds.toFixed(0)} s`)
process.exit(results.every((r) => r.status === 0) ? 0 : 1)
