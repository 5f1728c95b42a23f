import {displayModeFlag, uniqueValues} from 's10k'

import {QUERY_STREAM_PATH, locationIdsFlag, nodeIdsFlag, propertyNamesFlag, sourceIdsFlag, streamIdsFlag} from './streams.js'

/** The options of `stream list` and `stream ids`, in the Java tool's order. */
export const streamFilterFlags = () => ({
  'stream-id': streamIdsFlag('a stream ID to show'),
  'node-id': nodeIdsFlag('a node ID to show streams of (not with --location-id)'),
  'location-id': locationIdsFlag('a location ID to show streams of (not with --node-id)'),
  'source-id': sourceIdsFlag('a source ID to show streams of (wildcard patterns allowed)'),
  property: propertyNamesFlag('show streams having any of these property names, of any kind'),
  instantaneous: propertyNamesFlag('show streams having all of these instantaneous property names', 'i'),
  accumulating: propertyNamesFlag('show streams having all of these accumulating property names', 'a'),
  status: propertyNamesFlag('show streams having all of these status property names', 's'),
  'display-mode': displayModeFlag(),
})

interface StreamFilter {
  'stream-id'?: string[][]
  'node-id'?: number[][]
  'location-id'?: number[][]
  'source-id'?: string[][]
  property?: string[][]
  instantaneous?: string[][]
  accumulating?: string[][]
  status?: string[][]
}

/** The metadata path (`/meta/node` or, with --location-id, `/meta/loc`, plus `suffix`) and its query. */
export function streamFilterRequest(flags: StreamFilter, suffix = ''): {path: string; query: [string, string][]} {
  const query: [string, string][] = []
  const add = (name: string, values: readonly (string | number)[] | undefined) => {
    if (values?.length) query.push([name, values.join(',')])
  }
  const locations = uniqueValues(flags['location-id'])
  add('streamIds', uniqueValues(flags['stream-id']))
  if (locations) add('locationIds', locations)
  else add('nodeIds', uniqueValues(flags['node-id']))
  add('sourceIds', uniqueValues(flags['source-id']))
  add('propertyNames', uniqueValues(flags.property))
  add('instantaneousPropertyNames', uniqueValues(flags.instantaneous))
  add('accumulatingPropertyNames', uniqueValues(flags.accumulating))
  add('statusPropertyNames', uniqueValues(flags.status))
  return {path: `${QUERY_STREAM_PATH}/meta/${locations ? 'loc' : 'node'}${suffix}`, query}
}
