// Per-test time limit of the browser tests (Jest takes `testTimeout` only from the root config, not a
// project's): page loads against a production server take well under a second, so 30 s is generous
// yet fails fast. Building and starting the servers happens in the global setup, which has no limit.
jest.setTimeout(30_000);
