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
