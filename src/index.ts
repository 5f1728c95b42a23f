/**
 * The library s10k plugins build on: the base command, flag helpers, the signed client, output and errors.
 * The CLI's own wiring (argv pre-processing, hooks, help class) is in cli/, which plugins never import.
 */
// oclif's flag and argument builders come through here, so that plugins share the CLI's one copy of oclif
export {Args, Flags, type Hook, type Interfaces} from '@oclif/core'
export {S10kCommand, type CommandResult, type GlobalFlags, type Message} from './command/command.js'
export {type Credentials} from './auth/credentials.js'
export {ConfigError, CredentialsError, ExitCode, PartialResultError, RequestError, S10kError, UsageError} from './command/errors.js'
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
} from './flags/flags.js'
export {type CredentialsHook, type FormattersHook} from './command/events.js'
export {MAX_RESPONSE_BYTES} from './http/errors.js'
export {NotSent, SolarClient, type ApiRequest, type HttpMethod, type ReadRequest, type StreamRequest, type StreamedAnswer} from './http/client.js'
export {type IOStreams, isInteractive, readFileText} from './command/io.js'
export {JsonNumber, compactJson, describeJson, jsonString, prettyJson, prettyJsonList, prettyJsonText, type JsonValue} from './json/write.js'
export {AGGREGATIONS} from './flags/aggregations.js'
export {findFormatter, formatterNames, registerFormatter} from './output/registry.js'
export {ownValue, setOwn} from './json/own.js'
export {reportOf, type Cell, type Formatter, type RenderContext, type Report, type ReportShape, type TableColumn} from './output/report.js'
export {JsonRows, readStreamed, type StreamedResult} from './output/stream.js'
export {renderTable} from './output/pretty.js'
export {type ChangeProgress} from './command/progress.js'
export {printable, printableLine} from './text/printable.js'
export {eachCsvRow, parseCsv} from './text/csv-parse.js'
export {formatInstantAlt, formatInstantIso, parseInstant, type Instant} from './time/instant.js'
export {type LocalDateTime, type TimeZone, parseLocalDateTime, parseTimeZone, toEpochMillis} from './time/local-time.js'
export {dateParameter, dateTimeFlag, javaLocalText, timeZoneFlag} from './flags/date-flags.js'
export {JsonSyntaxError, MAX_JSON_DEPTH, javaNumberText, parseJsonExact} from './json/exact.js'
