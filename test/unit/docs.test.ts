import assert from 'node:assert/strict'
import {readFileSync, readdirSync} from 'node:fs'
import {join} from 'node:path'
import {describe, it} from 'node:test'

import {ROOT, generateDocs, wrapSynopsis} from '../../scripts/docs.mjs'
import {synopsis} from '../../src/flags/flags.js'
import {SYNOPSIS} from '../support/seed-outputs.js'

/** The Option and Long Version columns of the seed page's options table. */
const SEED_ROWS = [
  ['-a', '--active'],
  ['-A=', '--api-path='],
  ['-agg=', '--min-aggregation='],
  ['', '--aggregation='],
  ['-d', '--disabled'],
  ['-D=', '--description='],
  ['-exp=', '--expiration-date='],
  ['-id=', '--identifier='],
  ['-loc=', '--min-location-precision='],
  ['', '--location-precision='],
  ['-n=', '--name='],
  ['-N=', '--node-metadata-path='],
  ['-node=', '--node-id='],
  ['-r', '--refresh-allowed'],
  ['-R', '--replace'],
  ['-source=', '--source-id='],
  ['-t=', '--type='],
  ['-tz=', '--time-zone='],
  ['-U=', '--user-metadata-path='],
  ['-mode=', '--display-mode='],
]

describe('generated docs', () => {
  it('are committed exactly as the code generates them (run npm run docs)', async () => {
    const files = await generateDocs()
    for (const [path, content] of files) assert.equal(readFileSync(join(ROOT, path), 'utf8'), content, `${path} is out of date: run npm run docs`)
    const pages = readdirSync(join(ROOT, 'docs', 'commands')).map((name) => `docs/commands/${name}`)
    assert.deepEqual(
      pages.sort(),
      [...files.keys()].filter((p) => p.startsWith('docs/')).sort(),
      'docs/commands has pages for commands that no longer exist',
    )
  })

  it('give every command an example, and a Global options section only to commands that take them', async () => {
    for (const [path, content] of await generateDocs()) {
      if (!path.startsWith('docs/')) continue
      assert.match(content, /\n## Examples\n\n(.+\n\n)?```sh\n\S/, `${path} has no example`)
      assert.doesNotMatch(content, /## Global options\n\n[^|]*\n\nNo options of its own\./, `${path} has an empty Global options section`)
    }
  })

  it('list every option row of the seed page for sec-tokens update', () => {
    const page = readFileSync(join(ROOT, 'docs', 'commands', 'sec-tokens-update.md'), 'utf8')
    for (const [short, long] of SEED_ROWS) {
      const row = page.split('\n').find((line) => line.includes(`| \`${long}\` |`))
      assert.ok(row, `no row for ${long}`)
      if (short) assert.ok(row.startsWith(`| \`${short}\``), `${long} should show ${short}: ${row}`)
    }
    assert.match(page, /^# Sec-Tokens Update\n\nUpdate a security token\.\n/)
    for (const heading of ['## Usage', '## Options', '## Output', '## Examples']) assert.ok(page.includes(`\n${heading}\n`), heading)
  })

  it('wrap the usage like picocli, aligning continuation lines after the command', () => {
    assert.equal(
      wrapSynopsis(
        's10k x',
        '[-a] -id=tokenId [-agg=aggregation | --aggregation=aggregation[,aggregation...]...] [-mode=<displayMode>] [-zz=<somethingQuiteLongToFillTheLine>]',
      ),
      's10k x [-a] -id=tokenId\n' +
        '        [-agg=aggregation | --aggregation=aggregation[,aggregation...]...]\n' +
        '        [-mode=<displayMode>] [-zz=<somethingQuiteLongToFillTheLine>]',
    )
  })

  it("generate each synopsis from the flags, giving the seed page's synopsis for sec-tokens update byte for byte", async () => {
    const {default: SecTokensUpdate} = await import('../../plugins/sec-tokens/src/commands/sec-tokens/update.js')
    assert.equal(SecTokensUpdate.usage, `<%= command.id %> ${synopsis(SecTokensUpdate.flags)}`)
    const page = readFileSync(join(ROOT, 'docs', 'commands', 'sec-tokens-update.md'), 'utf8')
    const usage = /## Usage\n\n```\n([^`]*)\n```/.exec(page)?.[1] ?? ''
    // s10k adds one option the seed page leaves out of its synopsis (but lists): --type, the guard
    assert.ok(usage.includes(' [-t=<tokenType>]'), 'the synopsis shows --type')
    assert.equal(usage.replace(' [-t=<tokenType>]', ''), SYNOPSIS)
  })

  it('start a synopsis line at each option a command names, and only there or at 80 columns', () => {
    assert.equal(
      wrapSynopsis('s10k x', '[-a] -id=tokenId [-D=<d>] [-e=<e>] [-f | -g]', ['-D', '-f']),
      's10k x [-a] -id=tokenId\n        [-D=<d>] [-e=<e>]\n        [-f | -g]',
    )
  })
})
