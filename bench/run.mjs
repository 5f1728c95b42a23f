#!/usr/bin/env node
// `npm run bench`: whole-process wall time and peak memory of s10k against the SolarUser emulator (each in its
// own process), compared with the least a Node program can do. Prints medians, ratios and the targets.
import {spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {performance} from 'node:perf_hooks'
import {parseArgs} from 'node:util'

import {CALLER, cliEnv as testEnv, emulatorHome, startEmulator} from '../scripts/emulator.mjs'
import {datumBench} from './datum.mjs'

const {values: opts} = parseArgs({options: {runs: {type: 'string', default: '15'}, quick: {type: 'boolean', default: false}}})
const RUNS = Math.max(11, Number(opts.runs))
const TARGET = 'hNAdH.aXHaEqFossMwT8'
const work = mkdtempSync(join(tmpdir(), 's10k-bench-'))
const rssFile = join(work, 'rss')

function run(argv, env) {
  const start = performance.now()
  const result = spawnSync(process.execPath, argv, {env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024})
  const ms = performance.now() - start
  if (result.status !== 0) throw new Error(`${argv.join(' ')} exited ${result.status}: ${result.stderr}`)
  return ms
}

function peakRss(argv, env) {
  writeFileSync(rssFile, '')
  run(['--require', join(import.meta.dirname, 'max-rss.cjs'), ...argv], {...env, S10K_BENCH_RSS_FILE: rssFile})
  return Number(readFileSync(rssFile, 'utf8').trim().split('\n').at(-1)) / 1024
}

/**
 * Processes run in a clean environment (PATH and a test HOME, as `env -i` gives): what s10k costs a user, not
 * what the developer's shell adds. NODE_EXTRA_CA_CERTS, for one, makes every Node process load a certificate
 * bundle first (about 40 ms, `node -e 0` included), which inflates the baseline and hides the ratios.
 */
const cliEnv = (home) => ({...testEnv(home)})

/** The inherited environment: the shell's, with the test HOME; reported beside the clean figures when it differs. */
const inheritedEnv = (home) => ({...process.env, ...testEnv(home), SN_TOKEN_ID: '', SN_TOKEN_SECRET: ''})
const inheritedNodeVars = Object.keys(process.env).filter((k) => k.startsWith('NODE_') || k === 'UV_THREADPOOL_SIZE')

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const fmt = (ms) => `${ms.toFixed(1)} ms`

/** Alternates the commands run by run, after one warm-up each, so drift affects them alike. */
function alternate(commands) {
  for (const c of commands) run(c.argv, c.env)
  const times = commands.map(() => [])
  for (let i = 0; i < RUNS; i++) commands.forEach((c, j) => times[j].push(run(c.argv, c.env)))
  return commands.map((c, j) => ({...c, median: median(times[j]), rss: peakRss(c.argv, c.env)}))
}

/** The start-up targets (issue 12), checked in one environment. */
function startup(env, emulator) {
  const commands = alternate([
    {name: 's10k sec-tokens update -id X -n NAME', argv: ['bin/run.cjs', 'sec-tokens', 'update', '-id', TARGET, '-n', 'Bench'], env},
    {name: 'floor (node:crypto + node:http)', argv: ['bench/floor.mjs', emulator.url, CALLER.tokenId, CALLER.secret, TARGET, 'Bench'], env},
    {name: 's10k --help', argv: ['bin/run.cjs', '--help'], env},
    {name: 's10k sec-tokens update --help', argv: ['bin/run.cjs', 'sec-tokens', 'update', '--help'], env},
    {name: 'node -e 0', argv: ['-e', '0'], env},
  ])
  const [update, floor, help, commandHelp, bare] = commands
  const checks = [
    ['update / floor', update.median / floor.median, 1.5],
    ['s10k --help / node -e 0', help.median / bare.median, 1.5],
    ['s10k sec-tokens update --help / node -e 0', commandHelp.median / bare.median, 1.8],
    ['update peak RSS (MB)', update.rss, 80],
  ]
  return {commands, checks}
}

function report({commands, checks}, heading, judge) {
  console.log(`${heading}\n`)
  for (const c of commands) console.log(`${c.name.padEnd(44)} ${fmt(c.median).padStart(10)} ${`${c.rss.toFixed(1)} MB`.padStart(10)}`)
  console.log()
  for (const [name, value, limit] of checks) {
    const ok = value <= limit
    if (judge) failed ||= !ok
    console.log(`${name.padEnd(44)} ${value.toFixed(2).padStart(10)}   target <= ${limit}${judge ? `  ${ok ? 'met' : 'NOT MET'}` : ''}`)
  }
}

const emulator = await startEmulator()
const {path: home, remove} = emulatorHome(emulator.url)
let failed = false
try {
  console.log(`Whole-process wall time, median of ${RUNS} alternating runs after a warm-up; peak RSS of one run.\n`)
  report(startup(cliEnv(home), emulator), 'Clean environment (PATH and a test HOME only): the targets', true)
  if (inheritedNodeVars.length > 0) {
    console.log()
    report(
      startup(inheritedEnv(home), emulator),
      `Inherited environment, for comparison only: it sets ${inheritedNodeVars.join(', ')}, which every Node process\n` +
        'pays for at start (NODE_EXTRA_CA_CERTS: about 40 ms), bare node included, so its ratios look better than they are',
      false,
    )
  }
} finally {
  emulator.stop()
}

if (!opts.quick) {
  console.log('\nScaling: sec-tokens list of N tokens (median of 3), and an update of 10,000 node IDs from an @file\n')
  const perMode = {}
  for (const count of [1000, 10000]) {
    const big = await startEmulator({tokens: count})
    const bigHome = emulatorHome(big.url)
    try {
      for (const mode of ['PRETTY', 'CSV', 'JSON']) {
        const argv = ['bin/run.cjs', 'sec-tokens', 'list', '-t', 'ReadNodeData', '-mode', mode]
        run(argv, cliEnv(bigHome.path))
        const ms = median([0, 1, 2].map(() => run(argv, cliEnv(bigHome.path))))
        const rss = peakRss(argv, cliEnv(bigHome.path))
        ;(perMode[mode] ??= []).push({count, ms, rss})
      }
    } finally {
      big.stop()
      bigHome.remove()
    }
  }
  for (const [mode, rows] of Object.entries(perMode)) {
    const text = rows.map((r) => `${r.count} tokens ${fmt(r.ms)} (${(r.ms / (r.count / 1000)).toFixed(1)} ms per 1,000), ${r.rss.toFixed(0)} MB`)
    const [small, large] = rows
    const per = (large.count - small.count) / 1000
    const growth = `growth per 1,000 tokens: ${((large.ms - small.ms) / per).toFixed(1)} ms, ${((large.rss - small.rss) / per).toFixed(1)} MB`
    console.log(`list ${mode.padEnd(7)} ${text.join('; ')}; ${growth}`)
  }
  const pretty10k = perMode.PRETTY.at(-1).ms
  console.log(`list PRETTY of 10,000 tokens under 1 s: ${pretty10k < 1000 ? 'met' : 'NOT MET'}`)
  failed ||= pretty10k >= 1000

  const again = await startEmulator()
  const againHome = emulatorHome(again.url)
  try {
    const file = join(work, 'nodes.args')
    writeFileSync(file, `-id kF67p6g30eUXQICUgzQf -R -node ${Array.from({length: 10_000}, (_, i) => i + 1).join(',')}\n`)
    const argv = ['bin/run.cjs', 'sec-tokens', 'update', `@${file}`, '-mode', 'JSON']
    const ms = run(argv, cliEnv(againHome.path))
    console.log(`update with 10,000 node IDs from an @file: ${fmt(ms)}, ${peakRss(argv, cliEnv(againHome.path)).toFixed(0)} MB`)
  } finally {
    again.stop()
    againHome.remove()
  }
}
if (!opts.quick) failed = (await datumBench()).failed || failed
remove()
rmSync(work, {recursive: true, force: true})
process.exit(failed ? 1 : 0)
