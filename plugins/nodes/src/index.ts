/** What other plugins may reuse of the nodes plugin. */
export {type NodeMetadata, metadataAtPath, metadataJson, parseMetadata, toMetadata, valueAtPath} from './metadata.js'
export {
  findMetadata,
  findNodeIds,
  findSources,
  findUserNodes,
  type NodeSource,
  type SourceFilter,
  type StoredMetadata,
  type UserNode,
} from './nodes.js'
