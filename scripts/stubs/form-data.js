// axios imports form-data for multipart bodies, which s10k never sends; this stub keeps its ~50 ms of
// module loading (mime-db and friends) out of every run.
export default class FormData {
  constructor() {
    throw new Error('multipart form data is not supported by s10k')
  }
}
