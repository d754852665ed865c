// Runs N copies of the Next.js standalone server on one port (node:cluster): the primary accepts
// connections and hands them to the workers round-robin. Used by tools/bench/web-throughput
// --origin-processes N to see whether more processes lift the origin's throughput on this machine.
//
//   node dist/node/tools/bench/next-cluster.js <apps/web/.next/standalone/apps/web/server.js> <N>
//
// Each worker is a whole Next server with its own in-memory cache; they share the .next folder on disk.
// Not how the compose stack runs the web app (one process per container; scale with replicas).
import cluster from 'node:cluster';

const [serverJs, countText] = process.argv.slice(2);
const count = Number(countText);
if (!serverJs || !Number.isInteger(count) || count < 1) {
  console.error('usage: next-cluster.js <server.js> <processes>');
  process.exit(2);
}

if (cluster.isPrimary) {
  let stopping = false;
  for (let i = 0; i < count; i++) cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    if (!stopping) {
      console.error(`next worker ${worker.process.pid} exited (code ${code}, signal ${signal}); stopping`);
      stop(1);
    } else if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(process.exitCode ?? 0);
  });
  const stop = (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    process.exitCode = exitCode;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    setTimeout(() => process.exit(exitCode), 5000).unref();
  };
  process.on('SIGTERM', () => stop(0));
  process.on('SIGINT', () => stop(0));
} else {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(serverJs);
}
