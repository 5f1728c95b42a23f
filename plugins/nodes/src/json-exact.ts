/** Exact JSON moved to the core (s10k) so that other plugins share it; kept here for this plugin's own imports. */
export {JsonSyntaxError, javaNumberText, parseJsonExact} from 's10k'
