/**
 * The library s10k plugins build on: the base command, flag helpers, the signed client, output and errors.
 * The CLI's own wiring (argv pre-processing, hooks, help class) is in cli.ts, which plugins never import.
 */
// oclif's flag and argument builders come through here, so that plugins share the CLI's one copy of oclif
export {Args, Flags, type Hook, type Interfaces} from '@oclif/core'
export {S10kCommand, type CommandResult, type GlobalFlags, type Message} from './command.js'
export {type Credentials} from './auth/credentials.js'
export {ConfigError, CredentialsError, ExitCode, PartialResultError, RequestError, S10kError, UsageError} from './errors.js'
export {
  displayModeFlag,
  enumFlag,
  enumValue,
  integerItem,
  invalidValue,
  commandUsage,
  listFlag,
  oneOf,
  handbookOrder,
  shortNames,
  splitList,
  synopsis,
  uniqueValues,
  withShortNames,
} from './flags.js'
export {type CredentialsHook, type FormattersHook} from './hooks/events.js'
export {MAX_RESPONSE_BYTES} from './http/errors.js'
export {NotSent, SolarClient, type ApiRequest, type HttpMethod, type ReadRequest, type StreamRequest, type StreamedAnswer} from './http/client.js'
export {type IOStreams, isInteractive, readFileText} from './io.js'
export {JsonNumber, compactJson, jsonString, prettyJson, prettyJsonList, prettyJsonText, type JsonValue} from './output/json.js'
export {AGGREGATIONS} from './aggregations.js'
export {findFormatter, formatterNames, registerFormatter} from './output/registry.js'
export {ownValue, setOwn} from './own.js'
export type {Cell, Formatter, RenderContext, Report, TableColumn} from './output/report.js'
export {JsonRows, readStreamed, type StreamedResult} from './output/stream.js'
export {renderTable} from './output/pretty.js'
export {type ChangeProgress} from './progress.js'
export {printable, printableLine} from './printable.js'
export {formatInstantAlt, formatInstantIso, parseInstant, type Instant} from './time.js'
export {type LocalDateTime, type TimeZone, parseLocalDateTime, parseTimeZone, toEpochMillis} from './local-time.js'
export {dateParameter, dateTimeFlag, javaLocalText, timeZoneFlag} from './date-flags.js'
export {JsonSyntaxError, MAX_JSON_DEPTH, javaNumberText, parseJsonExact} from './json-exact.js'
