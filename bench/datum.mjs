#!/usr/bin/env node
// `datum list` performance (issue 20), run by `npm run bench` (bench/run.mjs) or on its own with
// `node --import tsx bench/datum.mjs [--node 24]`: a CSV export of 1,000,000 and 10,000,000 rows from the loopback
// emulator to /dev/null against the floor client (bench/datum-floor.mjs), with peak RSS; and PRETTY of 50,000 and
// 100,000 rows. Both clients run on each supported Node (scripts/nodes.mjs). Whole-process wall time, medians of
// alternating runs in a clean environment.
import {spawnSync} from 'node:child_process'
import {closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {performance} from 'node:perf_hooks'
import {parseArgs} from 'node:util'

import {CALLER, cliEnv, emulatorHome, startEmulator} from '../scripts/emulator.mjs'
import {envFor, supportedNodes} from '../scripts/nodes.mjs'
import {BULK_STREAM} from '../test/support/datum-fixtures.ts'

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`

/** Runs a Node program on `node` with stdout to /dev/null; gives its wall time (ms) and peak RSS (MB). */
function run(node, argv, env, work) {
  const rssFile = join(work, 'rss')
  writeFileSync(rssFile, '')
  const out = openSync('/dev/null', 'w')
  const start = performance.now()
  const result = spawnSync(node.bin, ['--require', join(import.meta.dirname, 'max-rss.cjs'), ...argv], {
    env: {...env, S10K_BENCH_RSS_FILE: rssFile},
    stdio: ['ignore', out, 'pipe'],
    encoding: 'utf8',
  })
  const ms = performance.now() - start
  closeSync(out)
  if (result.status !== 0) throw new Error(`${argv.join(' ')} exited ${result.status}: ${result.stderr}`)
  return {ms, rss: Number(readFileSync(rssFile, 'utf8').trim().split('\n').at(-1)) / 1024}
}

/** Alternates the commands, after a warm-up each, `runs` times; medians of time and of peak RSS. */
function alternate(node, commands, runs, work) {
  for (const c of commands) run(node, c.argv, c.env, work)
  const results = commands.map(() => [])
  for (let i = 0; i < runs; i++) commands.forEach((c, j) => results[j].push(run(node, c.argv, c.env, work)))
  return results.map((r) => ({ms: median(r.map((x) => x.ms)), rss: median(r.map((x) => x.rss))}))
}

/** Every measurement on each of `nodes` (all supported Nodes unless given); the checks name their Node. */
export async function datumBench({runs = 5, nodes = supportedNodes()} = {}) {
  const work = mkdtempSync(join(tmpdir(), 's10k-bench-datum-'))
  const checks = []
  try {
    console.log(`\ndatum list: whole-process wall time and peak RSS, medians of ${runs} (3 at 10,000,000 rows) alternating runs, stdout to /dev/null`)
    for (const node of nodes) {
      const version = spawnSync(node.bin, ['--version'], {encoding: 'utf8'}).stdout.trim()
      console.log(`\nNode ${version}\n`)
      checks.push(...(await onNode(node, version, runs, work)))
    }
  } finally {
    rmSync(work, {recursive: true, force: true})
  }
  console.log()
  let failed = false
  for (const [name, value, limit] of checks) {
    const ok = value <= limit
    failed ||= !ok
    console.log(`${name.padEnd(52)} ${value.toFixed(2).padStart(10)}   target <= ${limit}  ${ok ? 'met' : 'NOT MET'}`)
  }
  return {failed}
}

/** The CSV and PRETTY measurements on one Node; gives its checks. */
async function onNode(node, version, runs, work) {
  const checks = []
  for (const rows of [1_000_000, 10_000_000]) {
    const emulator = await startEmulator({datumRows: rows})
    const home = emulatorHome(emulator.url)
    try {
      const env = envFor(node, cliEnv(home.path))
      const [s10k, floor] = alternate(
        node,
        [
          {argv: ['bin/run.cjs', 'datum', 'list', '-stream', BULK_STREAM, '-mode', 'CSV'], env},
          {argv: ['bench/datum-floor.mjs', emulator.url, CALLER.tokenId, CALLER.secret, BULK_STREAM], env},
        ],
        rows > 1_000_000 ? 3 : runs,
        work,
      )
      const label = rows.toLocaleString('en-US')
      console.log(`CSV of ${label} rows: s10k ${fmt(s10k.ms)}, ${s10k.rss.toFixed(1)} MB; floor ${fmt(floor.ms)}, ${floor.rss.toFixed(1)} MB`)
      checks.push(
        [`Node ${version} CSV ${label} rows: s10k / floor`, s10k.ms / floor.ms, 1.2],
        [`Node ${version} CSV ${label} rows: s10k peak RSS (MB)`, s10k.rss, 100],
      )
    } finally {
      emulator.stop()
      home.remove()
    }
  }
  const pretty = {}
  for (const rows of [50_000, 100_000]) {
    const emulator = await startEmulator({datumRows: rows})
    const home = emulatorHome(emulator.url)
    try {
      const argv = ['bin/run.cjs', 'datum', 'list', '-stream', BULK_STREAM]
      const [result] = alternate(node, [{argv, env: envFor(node, cliEnv(home.path))}], 3, work)
      pretty[rows] = result
      console.log(`PRETTY of ${rows.toLocaleString('en-US')} rows: ${fmt(result.ms)}, ${result.rss.toFixed(1)} MB`)
    } finally {
      emulator.stop()
      home.remove()
    }
  }
  checks.push(
    [`Node ${version} PRETTY 100,000 rows (s)`, pretty[100_000].ms / 1000, 3],
    [`Node ${version} PRETTY 100,000 / 50,000 rows (~2)`, pretty[100_000].ms / pretty[50_000].ms, 2.2],
  )
  return checks
}

if (process.argv[1] === import.meta.filename) {
  const {values} = parseArgs({options: {node: {type: 'string'}}})
  const {failed} = await datumBench({nodes: supportedNodes().filter((n) => !values.node || String(n.major) === values.node)})
  process.exit(failed ? 1 : 0)
}
