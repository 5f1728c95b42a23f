/** The library s10k plugins build on: base command, shared flags, client, output. */
export {S10kCommand, type GlobalFlags} from './command.js'
export {CredentialsError, ExitCode, RequestError, S10kError, UsageError} from './errors.js'
export {displayModeFlag, enumFlag, enumValue, globalFlags, integerItem, invalidValue, listFlag, splitList, uniqueValues, withShortNames} from './flags.js'
export {SolarClient, type ApiRequest, type HttpMethod} from './http/client.js'
export {compactJson, prettyJson, type JsonValue} from './output/json.js'
export {findFormatter, formatterNames, registerFormatter} from './output/registry.js'
export type {Cell, Formatter, RenderContext, Report, TableColumn} from './output/report.js'
export {formatInstantAlt, formatInstantIso, parseInstant, type Instant} from './time.js'
