import assert from 'node:assert/strict'
import {describe, it} from 'node:test'

import {makeHome, runAtTerminal} from '../support/cli.js'
import {CALLER} from '../support/fixtures.js'
import {useSession} from '../support/session.js'

const HN = 'hNAdH.aXHaEqFossMwT8'

describe('on a terminal', () => {
  const session = useSession()
  const screenText = (screen: string) => screen.replaceAll('\r\n', '\n')

  it('writes pretty JSON (Jackson layout) followed by a newline', async () => {
    const args = [
      'sec-tokens',
      'update',
      '--identifier',
      HN,
      '--name',
      'Student access',
      '--description',
      'Allow access to school system data.',
      '-mode',
      'JSON',
    ]
    const {code, screen} = await runAtTerminal(args, {home: session.home.path})
    assert.equal(code, 0, screen)
    assert.equal(
      screenText(screen),
      '{\n  "id" : "hNAdH.aXHaEqFossMwT8",\n  "created" : "2025-09-29 03:52:43.281061Z",\n  "userId" : 123,\n' +
        '  "name" : "Student access",\n  "description" : "Allow access to school system data.",\n  "status" : "Active",\n' +
        '  "type" : "ReadNodeData",\n  "expired" : false\n}\n',
    )
  })

  it("writes lists in the Java tool's list layout", async () => {
    const {code, screen} = await runAtTerminal(['sec-tokens', 'list', '-id', 'kF67p6g30eUXQICUgzQf', '-mode', 'JSON'], {home: session.home.path})
    assert.equal(code, 0, screen)
    assert.equal(
      screenText(screen),
      '[\n{\n  "id" : "kF67p6g30eUXQICUgzQf",\n  "created" : "2025-09-29 04:23:20.302917Z",\n  "userId" : 123,\n' +
        '  "name" : "Reporting: region 1",\n  "description" : "Allow access to region 1 for reporting team.",\n' +
        '  "status" : "Active",\n  "type" : "User",\n  "expired" : false,\n  "policy" : {\n' +
        '    "nodeIds" :   [ 100, 101 ],\n    "sourceIds" :   [ "/REGION1/**" ],\n    "minAggregation" : "Hour",\n' +
        '    "refreshAllowed" : true\n  }\n}\n]\n',
    )
  })

  it('prompts for the secret with -p and does not echo it', async () => {
    const home = makeHome({config: `[service-urls]\nsolaruser = "${session.url}"\n`})
    try {
      const prompt = 'Enter value for --secret (the SolarNetwork API token secret): '
      const {code, screen} = await runAtTerminal(['-u', CALLER.tokenId, '-p', 'sec-tokens', 'list', '-id', HN, '-mode', 'CSV'], {
        home: home.path,
        input: `${CALLER.secret}\r`,
        typeAfter: prompt,
      })
      assert.equal(code, 0, screen)
      assert.ok(screen.includes(prompt))
      assert.ok(!screen.includes(CALLER.secret), 'the secret was echoed')
      assert.match(screen, /Token ID,Created,User ID,Type,Status,Name,Description,Policy\r+\n/)
    } finally {
      home.remove()
    }
  })
})

describe('sec-tokens delete at a terminal', () => {
  const session = useSession()

  it('asks at a terminal and deletes only when the ID is typed back', async () => {
    const wrong = await runAtTerminal(['sec-tokens', 'delete', '-id', HN], {home: session.home.path, input: 'yes\n'})
    assert.equal(wrong.code, 1, wrong.screen)
    assert.match(wrong.screen, /Type the token ID to confirm: /)
    assert.match(wrong.screen, /The ID typed does not match; nothing was deleted\./)
    assert.equal(session.emulator.tokens.has(HN), true)
    const right = await runAtTerminal(['sec-tokens', 'delete', '-id', HN], {home: session.home.path, input: `${HN}\n`})
    assert.equal(right.code, 0, right.screen)
    assert.match(right.screen, /Security token deleted\./)
    assert.equal(session.emulator.tokens.has(HN), false)
  })
})
