import assert from 'node:assert/strict'
import {describe, it} from 'node:test'

import {renderCsv} from '../../../src/output/csv.js'
import {renderJson} from '../../../src/output/json-formatter.js'
import {renderTable} from '../../../src/output/pretty.js'
import {tokenReport} from '../../../plugins/sec-tokens/src/tokens.js'
import {CSV_1, CSV_3, JSON_3, PRETTY_1, PRETTY_3} from '../../support/seed-outputs.js'

/** The seed page's example results, as the service returns them, through each formatter. */
const STUDENT = {
  id: 'hNAdH.aXHaEqFossMwT8',
  created: '2025-09-29 03:52:43.281061Z',
  userId: 123,
  name: 'Student access',
  description: 'Allow access to school system data.',
  status: 'Active',
  type: 'ReadNodeData',
  expired: false,
}
const REPORTING = {
  id: 'kF67p6g30eUXQICUgzQf',
  created: '2025-09-29 04:23:20.302917Z',
  userId: 123,
  name: 'Reporting: region 1',
  description: 'Allow access to region 1 for reporting team.',
  status: 'Active',
  type: 'User',
  policy: {nodeIds: [107, 164], sourceIds: ['/REGION2/**']},
  expired: false,
}

describe("the seed page's outputs", () => {
  it('PRETTY, example 1', () => {
    assert.equal(renderTable(tokenReport([STUDENT], {list: false})), PRETTY_1)
  })

  it('PRETTY, example 3', () => {
    assert.equal(renderTable(tokenReport([REPORTING], {list: false})), PRETTY_3)
  })

  it('CSV, examples 1 and 3 (policy lines in the Java tool’s two-space layout)', () => {
    assert.equal(renderCsv(tokenReport([STUDENT], {list: false})), CSV_1)
    assert.equal(renderCsv(tokenReport([REPORTING], {list: false})), CSV_3)
  })

  it('JSON, example 3, on a terminal and piped', () => {
    const report = tokenReport([REPORTING], {list: false})
    assert.equal(
      renderJson(report, {terminal: true}),
      '{\n  "id" : "kF67p6g30eUXQICUgzQf",\n  "created" : "2025-09-29 04:23:20.302917Z",\n  "userId" : 123,\n' +
        '  "name" : "Reporting: region 1",\n  "description" : "Allow access to region 1 for reporting team.",\n' +
        '  "status" : "Active",\n  "type" : "User",\n  "expired" : false,\n  "policy" : {\n' +
        '    "nodeIds" : [ 107, 164 ],\n    "sourceIds" : [ "/REGION2/**" ]\n  }\n}\n',
    )
    assert.equal(renderJson(report, {terminal: false}), `${JSON_3}\n`)
  })
})
