// Preloaded into every timed child with `node --require`: writes the process's peak RSS (KiB) to
// $BENCH_RSS_FILE when it exits, so every case is measured the same way whatever its entry point.
'use strict';
const { writeFileSync } = require('node:fs');

const target = process.env.BENCH_RSS_FILE;
if (target) {
  process.on('exit', () => {
    writeFileSync(target, String(process.resourceUsage().maxRSS));
  });
}
