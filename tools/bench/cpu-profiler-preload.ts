// Preloaded into the API process by `http-throughput --cpu-prof` (node -r …): SIGWINCH starts the V8
// CPU profiler, the next SIGWINCH stops it and writes the profile to $BENCH_CPU_PROFILE. Unlike
// `node --cpu-prof`, this profiles only the load phase (not start-up) and works although the API
// exits through a signal. The API itself is not modified. SIGWINCH (ignored by default) rather than
// SIGUSR2: Nest's shutdown hooks listen to SIGUSR2 and most other signals and would stop the API.
import { renameSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

const target = process.env['BENCH_CPU_PROFILE'];
if (target) {
  const session = new Session();
  session.connect();
  let running = false;
  process.on('SIGWINCH', () => {
    if (!running) {
      running = true;
      session.post('Profiler.setSamplingInterval', { interval: 500 }, () =>
        session.post('Profiler.enable', () => session.post('Profiler.start', () => console.log('cpu profile: started'))),
      );
      return;
    }
    running = false;
    session.post('Profiler.stop', (error, result) => {
      if (error) console.error(`cpu profile: ${error.message}`);
      else {
        // Write then rename, so the benchmark never reads half a file.
        writeFileSync(`${target}.tmp`, JSON.stringify(result.profile));
        renameSync(`${target}.tmp`, target);
      }
      console.log(`cpu profile: written to ${target}`);
    });
  });
}
