import assert from 'node:assert/strict'
import {describe, it} from 'node:test'

import {policyJson, readPolicy} from '../../../plugins/sec-tokens/src/policy.js'
import {tokenJson, tokenReport} from '../../../plugins/sec-tokens/src/tokens.js'

describe('security policy as the Java tool reads it back', () => {
  it('orders fields, sorts node IDs and drops unknown names', () => {
    const policy = readPolicy({
      refreshAllowed: true,
      notAfter: 1759143600000,
      bogus: 1,
      apiPaths: ['/a'],
      sourceIds: ['/B', '/A'],
      nodeIds: [164, 100, 107],
      aggregations: ['Day', 'Fortnight', 'Month'],
    })
    assert.deepEqual(Object.keys(policyJson(policy!) as object), ['nodeIds', 'sourceIds', 'aggregations', 'apiPaths', 'notAfter', 'refreshAllowed'])
    assert.deepEqual(policyJson(policy!), {
      nodeIds: [100, 107, 164],
      sourceIds: ['/B', '/A'],
      aggregations: ['Day', 'Month'],
      apiPaths: ['/a'],
      notAfter: 1759143600000,
      refreshAllowed: true,
    })
  })

  it('shows a minimum instead of its list', () => {
    assert.deepEqual(
      policyJson(readPolicy({minAggregation: 'Hour', aggregations: ['Hour', 'Day'], minLocationPrecision: 'Block', locationPrecisions: ['Block']})!),
      {
        minAggregation: 'Hour',
        minLocationPrecision: 'Block',
      },
    )
  })

  it('ignores a notAfter that is not a positive integer, and empty lists', () => {
    assert.deepEqual(policyJson(readPolicy({notAfter: '2020', sourceIds: [], refreshAllowed: false})!), {refreshAllowed: false})
  })
})

describe('token output', () => {
  const token = {
    policy: {sourceIds: ['/x']},
    expired: false,
    type: 'User',
    status: 'Active',
    userId: 7,
    created: '2025-09-29T04:05:46.5+00:00',
    id: 'abc',
    authSecret: 's3cret',
  }

  it("writes JSON fields in the token's order with the service's created form", () => {
    assert.deepEqual(Object.keys(tokenJson(token) as object), ['id', 'authSecret', 'created', 'userId', 'status', 'type', 'expired', 'policy'])
    assert.equal((tokenJson(token) as {created: string}).created, '2025-09-29 04:05:46.5Z')
  })

  it('uses the list columns, or the create columns with the secret', () => {
    const list = tokenReport([token], {list: true})
    assert.deepEqual(
      list.columns.map((c) => c.title),
      ['Token ID', 'Created', 'User ID', 'Type', 'Status', 'Name', 'Description', 'Policy'],
    )
    assert.deepEqual(list.rows[0], ['abc', '2025-09-29T04:05:46.500Z', '7', 'User', 'Active', undefined, undefined, '{\n  "sourceIds" : [ "/x" ]\n}'])
    const created = tokenReport([token], {list: false, withSecret: true})
    assert.deepEqual(
      created.columns.map((c) => c.title),
      ['Token ID', 'Token Secret', 'Created', 'User ID', 'Type', 'Name', 'Description', 'Policy'],
    )
    assert.equal(created.rows[0][1], 's3cret')
    assert.equal(created.columns[3].align, 'right')
  })
})
