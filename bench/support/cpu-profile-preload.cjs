// Preloaded into the product's processes by bench:load when BENCH_LOAD_CPU_PROF_DIR is set
// (NODE_OPTIONS=--require …; `--cpu-prof` itself is not allowed in NODE_OPTIONS). In the
// `next start` process only, SIGUSR2 starts the V8 CPU profiler and the next SIGUSR2 stops it and
// writes <dir>/next-<pid>-<n>.cpuprofile, so the profile covers exactly one measured run.
"use strict";
const inspector = require("node:inspector");
const fs = require("node:fs");
const path = require("node:path");

const dir = process.env.PST_CPU_PROFILE_DIR;
const isNextStart = /[\\/]next[\\/]dist[\\/]bin[\\/]next$/.test(process.argv[1] || "") && process.argv.includes("start");
if (dir && isNextStart) {
  const session = new inspector.Session();
  session.connect();
  let running = false;
  let written = 0;
  process.on("SIGUSR2", () => {
    if (!running) {
      running = true;
      session.post("Profiler.enable", () => session.post("Profiler.start"));
      return;
    }
    running = false;
    session.post("Profiler.stop", (error, result) => {
      if (error) return console.error("CPU profile failed:", error);
      written += 1;
      fs.writeFileSync(path.join(dir, `next-${process.pid}-${written}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
