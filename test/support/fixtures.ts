import type {StoredToken} from './emulator.js'

/** The User token the tests sign with (the worked examples' credentials in solarnetwork-api.md §1.8). */
export const CALLER = {tokenId: 'a09sjds09wu9wjsd9uy2', secret: 'pqwe9pl2kj3ljk5z0aoitnaemdl'}

/** A second user's token, for access-denied cases. */
export const OTHER_USER_TOKEN = 'ZCv5FUjlTlIQGjigLhSW'

/** The tokens of the seed page's examples, as they are before each example runs. */
export function exampleTokens(): StoredToken[] {
  return [
    {
      id: CALLER.tokenId,
      secret: CALLER.secret,
      userId: 123,
      created: '2025-09-28 22:10:05.5Z',
      name: 'Admin',
      status: 'Active',
      type: 'User',
    },
    {
      id: 'hNAdH.aXHaEqFossMwT8',
      secret: '0dh3Q.sT9aXb_LmN2pQr4StUv',
      userId: 123,
      created: '2025-09-29 03:52:43.281061Z',
      status: 'Active',
      type: 'ReadNodeData',
    },
    {
      id: 'kF67p6g30eUXQICUgzQf',
      secret: 'kF6secretkF6secretkF6secr',
      userId: 123,
      created: '2025-09-29 04:23:20.302917Z',
      name: 'Reporting: region 1',
      description: 'Allow access to region 1 for reporting team.',
      status: 'Active',
      type: 'User',
      policy: {nodeIds: [100, 101], sourceIds: ['/REGION1/**'], minAggregation: 'Hour', refreshAllowed: true},
    },
    {
      id: OTHER_USER_TOKEN,
      secret: 'otherUserSecretOtherUser1',
      userId: 456,
      created: '2025-09-30 10:00:00Z',
      name: 'Not yours',
      status: 'Active',
      type: 'User',
    },
  ]
}
