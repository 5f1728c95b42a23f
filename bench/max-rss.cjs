// Preloaded into benchmarked processes: reports the peak resident set size (KiB) to the file named by
// S10K_BENCH_RSS_FILE when the process exits.
const file = process.env.S10K_BENCH_RSS_FILE
if (file) process.on('exit', () => require('node:fs').appendFileSync(file, `${process.resourceUsage().maxRSS}\n`))
