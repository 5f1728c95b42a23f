import assert from 'node:assert/strict'
import {describe, it} from 'node:test'

import {CSV_1, CSV_3, CSV_HEADER, JSON_3, PRETTY_1, PRETTY_2, PRETTY_3} from '../support/seed-outputs.js'
import {useSession} from '../support/session.js'

/** The three examples of the seed page, in every display mode, checking output and requests exactly. */
const API = '/solaruser/api/v1/sec/user/auth-tokens'

const EXAMPLE_1 = [
  'sec-tokens',
  'update',
  '--identifier',
  'hNAdH.aXHaEqFossMwT8',
  '--name',
  'Student access',
  '--description',
  'Allow access to school system data.',
]
const EXAMPLE_2 = ['sec-tokens', 'update', '--identifier', 'kF67p6g30eUXQICUgzQf', '--node-id', '107,164', '--source-id', '/REGION2/**']
const EXAMPLE_3 = [...EXAMPLE_2, '--replace']

describe('seed examples of sec-tokens update', () => {
  const session = useSession()

  it('example 1: updates name and description (PRETTY)', async () => {
    const result = await session.run(EXAMPLE_1)
    assert.equal(result.stderr, '')
    assert.equal(result.stdout, PRETTY_1)
    assert.equal(result.code, 0)
    assert.deepEqual(session.received(), [
      `POST ${API}/info name=Student+access&description=Allow+access+to+school+system+data.&tokenId=hNAdH.aXHaEqFossMwT8`,
      `GET ${API}/find?identifiers=hNAdH.aXHaEqFossMwT8`,
    ])
  })

  it('example 1 as CSV', async () => {
    const result = await session.run([...EXAMPLE_1, '-mode=CSV'])
    assert.equal(result.stdout, CSV_1)
    assert.equal(result.code, 0)
  })

  it('example 1 as JSON (compact when piped)', async () => {
    const result = await session.run([...EXAMPLE_1, '--display-mode', 'json'])
    assert.equal(
      result.stdout,
      '{"id":"hNAdH.aXHaEqFossMwT8","created":"2025-09-29 03:52:43.281061Z","userId":123,"name":"Student access",' +
        '"description":"Allow access to school system data.","status":"Active","type":"ReadNodeData","expired":false}\n',
    )
  })

  it('example 2: merges policy restrictions (PRETTY)', async () => {
    const result = await session.run(EXAMPLE_2)
    assert.equal(result.stderr, '')
    assert.equal(result.stdout, PRETTY_2)
    assert.deepEqual(session.received(), [`PATCH ${API}/policy?tokenId=kF67p6g30eUXQICUgzQf {"nodeIds":[107,164],"sourceIds":["/REGION2/**"]}`])
  })

  it('example 2 as CSV and JSON', async () => {
    const csv = await session.run([...EXAMPLE_2, '-mode', 'CSV'])
    assert.equal(
      csv.stdout,
      CSV_HEADER +
        'kF67p6g30eUXQICUgzQf,2025-09-29T04:23:20.302917Z,123,User,Active,Reporting: region 1,Allow access to region 1 for reporting team.,"{\n' +
        '  ""nodeIds"" : [ 100, 101, 107, 164 ],\n  ""sourceIds"" : [ ""/REGION1/**"", ""/REGION2/**"" ],\n' +
        '  ""minAggregation"" : ""Hour"",\n  ""refreshAllowed"" : true\n}"\r\n',
    )
    const json = await session.run([...EXAMPLE_2, '-mode=JSON'])
    assert.equal(
      json.stdout,
      '{"id":"kF67p6g30eUXQICUgzQf","created":"2025-09-29 04:23:20.302917Z","userId":123,"name":"Reporting: region 1",' +
        '"description":"Allow access to region 1 for reporting team.","status":"Active","type":"User","expired":false,' +
        '"policy":{"nodeIds":[100,101,107,164],"sourceIds":["/REGION1/**","/REGION2/**"],"minAggregation":"Hour","refreshAllowed":true}}\n',
    )
  })

  it('example 3: replaces the policy (PRETTY, CSV, JSON)', async () => {
    const pretty = await session.run(EXAMPLE_3)
    assert.equal(pretty.stdout, PRETTY_3)
    assert.deepEqual(session.received(), [`PUT ${API}/policy?tokenId=kF67p6g30eUXQICUgzQf {"nodeIds":[107,164],"sourceIds":["/REGION2/**"]}`])
    const csv = await session.run([...EXAMPLE_3, '-mode=csv'])
    assert.equal(csv.stdout, CSV_3)
    const json = await session.run([...EXAMPLE_3, '-mode=JSON'])
    // the Java tool's compact JSON, and a newline after it (README: Differences)
    assert.equal(json.stdout, `${JSON_3}\n`)
  })
})
