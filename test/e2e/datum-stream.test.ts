import assert from 'node:assert/strict'
import {spawn} from 'node:child_process'
import {readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, it} from 'node:test'

import {BIN, ROOT, cliEnv} from '../support/cli.js'
import {BULK_STREAM} from '../support/datum-fixtures.js'
import {useSession} from '../support/session.js'

const EXPORT = ['datum', 'list', '-stream', BULK_STREAM, '-mode', 'CSV']

/** The streaming guarantees that need a real process: memory, a reader that goes away, and Ctrl-C. */
describe('datum list streams (spawned)', () => {
  const session = useSession()
  const bulk = (rows: number) => {
    session.emulator.datum.streams.find((s) => s.streamId === BULK_STREAM)!.generated = rows
  }

  it('exports 1,000,000 rows whole, in flat memory (peak RSS under 100 MB)', async () => {
    bulk(1_000_000)
    const rssFile = join(tmpdir(), `s10k-rss-${process.pid}-${Date.now()}`)
    const child = spawn(process.execPath, ['--require', join(ROOT, 'bench', 'max-rss.cjs'), BIN, ...EXPORT], {
      env: {...cliEnv(session.home.path), S10K_BENCH_RSS_FILE: rssFile},
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let records = 0
    let bytes = 0
    let last = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => {
      bytes += chunk.length
      for (let at = chunk.indexOf(0x0a); at !== -1; at = chunk.indexOf(0x0a, at + 1)) records++
      last = (last + chunk.subarray(-200).toString('latin1')).slice(-200)
    })
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
    assert.equal(code, 0, stderr)
    assert.equal(stderr, '')
    assert.equal(records, 1_000_001, 'the header and every row')
    assert.ok(last.endsWith(',bulk/1,4999.9,0.08,17999983,,\r\n'), last)
    const rss = Number(readFileSync(rssFile, 'utf8').trim().split('\n').at(-1)) / 1024
    rmSync(rssFile, {force: true})
    assert.ok(rss < 100, `peak RSS ${rss.toFixed(1)} MB for ${(bytes / 1e6).toFixed(0)} MB of CSV`)
    assert.equal(session.emulator.datum.lastAnswer?.complete, true)
  })

  it('| head -5 ends quietly with exit 0 and closes the request at once', async () => {
    bulk(1_000_000)
    const command = `'${process.execPath}' '${BIN}' ${EXPORT.join(' ')} | head -5`
    const child = spawn('bash', ['-o', 'pipefail', '-c', command], {env: cliEnv(session.home.path), stdio: ['ignore', 'pipe', 'pipe']})
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
    assert.equal(code, 0, stderr)
    assert.equal(stderr, '')
    assert.equal(stdout.split('\r\n').length, 6)
    assert.ok(stdout.startsWith('ts,streamId,objectId,sourceId,watts,current,wattHours,status,tags\r\n2025-01-01T00:00:00Z,'))
    // the service stopped writing when s10k went away: far from the million rows
    const answer = session.emulator.datum.lastAnswer
    assert.ok(answer)
    assert.equal(answer.complete, false)
    assert.ok(answer.rows < 500_000, `${answer.rows} rows written`)
  })

  it('Ctrl-C ends the export with exit 130 and one line saying how far it got', async () => {
    bulk(100_000)
    session.emulator.datum.pace = {rows: 1000, ms: 100}
    const child = spawn(process.execPath, [BIN, ...EXPORT], {env: cliEnv(session.home.path), stdio: ['ignore', 'pipe', 'pipe']})
    let stdout = ''
    let stderr = ''
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d
      if (!child.killed && stdout.split('\r\n').length > 2000) child.kill('SIGINT')
    })
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
    assert.equal(code, 130)
    const written = stdout.split('\r\n').length - 2
    assert.match(stderr, /^\nInterrupted\. [\d,]+ rows were written; the output is incomplete\.\n$/)
    assert.equal(Number(/Interrupted\. ([\d,]+) rows/.exec(stderr)?.[1].replaceAll(',', '')), written)
    await new Promise((resolve) => setTimeout(resolve, 200))
    assert.equal(session.emulator.datum.lastAnswer?.complete, false)
  })
})
