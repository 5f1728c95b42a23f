// s10k always uses axios's `http` adapter. axios's fetch adapter probes the fetch globals when imported, which
// makes Node load its whole fetch implementation (undici) on every run; this stub keeps it unloaded.
export const getFetch = () => undefined
export default undefined
