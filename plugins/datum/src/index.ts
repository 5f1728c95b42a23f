/** What other plugins may reuse of the datum plugin. */
export {type StreamMeta, findStreams, naturalCompare, streamMetaJson, toStreamMeta, uuid} from './streams.js'
