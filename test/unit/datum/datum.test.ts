import assert from 'node:assert/strict'
import {describe, it} from 'node:test'

import {identSets} from '../../../plugins/datum/src/datum-query.js'
import {prettyNumber, splitRows} from '../../../plugins/datum/src/datum-table.js'
import {naturalCompare, uuid} from '../../../plugins/datum/src/streams.js'

describe('datum plugin helpers', () => {
  it('PRETTY numbers: the reference table (§4.1.4), in decimal', () => {
    const table: [string, string][] = [
      ['2473.9038461538461538', '2473.904'],
      ['49.9755515576923077', '49.976'],
      ['-4254.24152242083932392196', '-4254.242'],
      ['2078.500000', '2078.5'],
      ['5.000019', '5'],
      ['100.000', '100'],
      ['1E+3', '1000'],
      ['37485', '37485'],
      ['0.0004', '0'],
      ['-0.0005', '-0.001'],
      ['1.0005', '1.001'],
      ['0.00000012', '0'],
      ['1.2E-7', '0'],
      ['3000000000', '3000000000'],
      ['123456789.123456', '123456789.123'],
      ['12345678901234.560', '12345678901234.56'],
      ['1234567890123456.780', '1234567890123456.780'],
      ['-0.0004', '0'],
      ['9.9995', '10'],
    ]
    for (const [value, cell] of table) assert.equal(prettyNumber(value), cell, value)
  })

  it('UUIDs as Java reads them; SolarNetwork natural sort; -ident sets', () => {
    assert.equal(uuid('1-1-1-1-1', 'stream-id'), '00000001-0001-0001-0001-000000000001')
    assert.equal(uuid('CC114908-CC0F-4680-A92E-718690742BA9', 'stream-id'), 'cc114908-cc0f-4680-a92e-718690742ba9')
    assert.throws(() => uuid('abc', 'stream-id'), /cannot convert 'abc' to UUID/)
    assert.deepEqual(['meter/10', 'Meter/2', 'a'].sort(naturalCompare), ['a', 'Meter/2', 'meter/10'])
    assert.deepEqual(
      identSets([
        {object: 102, source: 'Meter/2'},
        {object: 101, source: 'con/1'},
        {object: 101, source: 'ab'},
        {object: 102, source: 'meter/10'},
        {object: 101, source: 'CON/1'},
        {object: 101, source: 'x'},
      ]),
      {objects: [101, 102], sources: ['ab', 'con/1', 'x', 'Meter/2', 'meter/10']},
    )
  })

  it('splits a stream datum answer into its rows, skipping strings (brackets and escaped quotes in them)', () => {
    const text = '{"success":true,"meta":[{"sourceId":"a]\\"[","i":["x"]}],"data":[[0,1,"s]\\"["],[0,[2,null],[1.50,2]],null],"x":"data"}'
    assert.deepEqual(splitRows(text), {
      head: '{"success":true,"meta":[{"sourceId":"a]\\"[","i":["x"]}],"data":[],"x":"data"}',
      rows: ['[0,1,"s]\\"["]', '[0,[2,null],[1.50,2]]', 'null'],
    })
    assert.deepEqual(splitRows('{"success":true}'), {head: '{"success":true}'})
    assert.deepEqual(splitRows('{"data":["x",[1]]}').rows, ['"', '[1]'])
  })
})
