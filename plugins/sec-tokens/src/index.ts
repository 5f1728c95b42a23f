/** What other plugins may reuse of the sec-tokens plugin. */
export {buildPolicy, policyFlags, type PolicyFlagValues} from './policy-flags.js'
export {AGGREGATIONS, LOCATION_PRECISIONS, policyJson, readPolicy, type SecurityPolicy} from './policy.js'
export {TOKEN_TYPES, TOKENS_PATH, findTokens, tokenJson, tokenReport, type SecurityToken, type TokenFilter} from './tokens.js'
