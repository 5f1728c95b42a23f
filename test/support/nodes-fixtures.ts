import type {StoredNode, StoredSource} from './nodes-emulator.js'

const t = (iso: string) => Date.parse(iso)

/**
 * The nodes of the handbook pages (solarnetwork-nodes.md §3): the caller's (user 123) nodes 64, 70 and 101, with
 * their sources and node 101's metadata; 102, another user's public node, whose metadata anyone may read (the
 * handbook's `meta list --node-id 101,102`); 103, the caller's, archived; 202, another user's private node.
 */
export function exampleNodes(): StoredNode[] {
  const source = (sourceId: string, extra: Partial<StoredSource> = {}): StoredSource => ({
    sourceId,
    times: [t('2025-07-30T10:00:00Z'), t('2025-08-03T10:00:00Z')],
    ...extra,
  })
  return [
    {
      id: 64,
      userId: 123,
      created: '2023-04-27 23:15:58.795135Z',
      country: 'NZ',
      zone: 'Pacific/Auckland',
      sources: [
        source('/meter/1', {i: ['watts'], a: ['wattHours']}),
        source('/meter/2', {i: ['watts'], a: ['wattHours']}),
        {sourceId: '/test/solcast', times: [t('2025-06-01T00:00:00Z')], i: ['irradiance']},
      ],
    },
    {
      id: 70,
      userId: 123,
      created: '2024-05-16 19:02:54.174785Z',
      country: 'NZ',
      zone: 'Pacific/Auckland',
      sources: [source('meter/1', {i: ['watts']})],
    },
    {
      id: 101,
      userId: 123,
      created: '2025-07-08 02:21:37.083163Z',
      country: 'NZ',
      zone: 'Pacific/Auckland',
      sources: ['con/1', 'con/pcm', 'dnp3/client/a', 'gen/1', 'pcm/limit', 'power/limit', 'switch/1'].map((id) => source(id, {s: ['status']})),
      metadata: {created: '2025-08-30 03:36:06.277076Z', updated: '2025-08-30 03:36:06.277076Z', meta: {m: {limit: 123}}},
    },
    {
      id: 102,
      userId: 456,
      created: '2025-07-09 02:21:37.083163Z',
      metadata: {created: '2025-08-30 03:36:06.277076Z', updated: '2025-08-30 03:36:06.277076Z', meta: {m: {limit: 234}}},
    },
    {id: 103, userId: 123, created: '2025-07-10 02:21:37Z', archived: true, country: 'NZ', zone: 'Pacific/Auckland'},
    {
      id: 202,
      userId: 456,
      created: '2025-01-01 00:00:00Z',
      requiresAuthorization: true,
      metadata: {created: '2025-08-30 03:36:06Z', updated: '2025-08-30 03:36:06Z', meta: {m: {secret: 1}}},
    },
  ]
}

/**
 * The nodes `npm run emulator` serves: the handbook's, with what its other examples assume is there too. Node 101
 * also holds the schedule `nodes meta csv-get --path /pm/cpd/schedule` shows (as `csv-set` stores it), and its
 * con/1, con/pcm and gen/1 sources the property names of their datum streams, with data in August 2025, for
 * `nodes sources --node-id 101 --instantaneous watts --accumulating wattHours --min-date 2025-08-01`.
 */
export function sandboxNodes(): StoredNode[] {
  const nodes = exampleNodes()
  const node = nodes.find((n) => n.id === 101)
  if (!node?.metadata || !node.sources) throw new Error('the handbook fixtures have no node 101 with metadata and sources')
  node.metadata.meta.pm = {
    cpd: {
      schedule: [
        ['Month', 'Day', 'Weekday', 'Time', 'cpdPeriodActive'],
        ['Jan-Apr,Oct-Dec', '', '', '', '0'],
        ['May-Sep', '', '', '', '1'],
      ],
    },
  }
  for (const source of node.sources) {
    if (!['con/1', 'con/pcm', 'gen/1'].includes(source.sourceId)) continue
    Object.assign(source, {
      times: [t('2025-08-21T00:00:12.345Z'), t('2025-08-21T00:01:12Z')],
      i: ['watts', 'current', 'voltage', 'frequency'],
      a: ['wattHours'],
    })
  }
  return nodes
}
