import assert from 'node:assert/strict'
import {describe, it} from 'node:test'

import {formatInstantAlt, formatInstantIso, parseInstant} from '../../../src/time/instant.js'

const iso = (value: unknown) => formatInstantIso(parseInstant(value)!)
const alt = (value: unknown) => formatInstantAlt(parseInstant(value)!)

describe('instants', () => {
  it('prints Instant.toString() with the fraction in groups of three', () => {
    assert.equal(iso('2025-09-29 03:52:43.281061Z'), '2025-09-29T03:52:43.281061Z')
    assert.equal(iso('2025-09-29 04:05:46.56237Z'), '2025-09-29T04:05:46.562370Z')
    assert.equal(iso('2025-09-29 04:05:46.5Z'), '2025-09-29T04:05:46.500Z')
    assert.equal(iso('2025-09-29 04:05:46.388051375Z'), '2025-09-29T04:05:46.388051375Z')
    assert.equal(iso('2025-09-29 04:05:46Z'), '2025-09-29T04:05:46Z')
    assert.equal(iso('2025-09-29 04:05Z'), '2025-09-29T04:05:00Z')
  })

  it("prints the service's form with trailing zeros trimmed", () => {
    assert.equal(alt('2025-09-29T04:05:46.562370Z'), '2025-09-29 04:05:46.56237Z')
    assert.equal(alt('2025-09-29 04:05:46.000Z'), '2025-09-29 04:05:46Z')
  })

  it('reads offsets and epoch milliseconds', () => {
    assert.equal(iso('2025-09-29T16:05:46.1+12:00'), '2025-09-29T04:05:46.100Z')
    assert.equal(iso('2025-09-28T23:05:46-0500'), '2025-09-29T04:05:46Z')
    assert.equal(iso(1759118746562), '2025-09-29T04:05:46.562Z')
  })

  it('rejects what it cannot read', () => {
    assert.equal(parseInstant('yesterday'), undefined)
    assert.equal(parseInstant(null), undefined)
  })
})
