// Preloaded into the API with NODE_OPTIONS=--require (Node refuses --cpu-prof in NODE_OPTIONS, and the
// API is started by @convoy/testing's startApi, whose command line is fixed). Plain JavaScript on
// purpose: the API process has no ts-node. Writes a V8 .cpuprofile to BENCH_CPU_PROFILE_FILE on exit.
'use strict';
const inspector = require('node:inspector');
const { writeFileSync } = require('node:fs');

const file = process.env.BENCH_CPU_PROFILE_FILE;
if (file) {
  const session = new inspector.Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.start');
  process.once('exit', () => {
    // an in-thread inspector session answers synchronously, so this completes inside 'exit'
    session.post('Profiler.stop', (error, result) => {
      if (!error && result) writeFileSync(file, JSON.stringify(result.profile));
    });
  });
}
