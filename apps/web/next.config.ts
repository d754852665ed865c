import path from 'node:path';
import type { NextConfig } from 'next';

// The monorepo root: the web imports plain-TS libraries from libs/shared/* (via tsconfig paths), which
// Turbopack only resolves and compiles when they lie inside its root, and the standalone output must
// trace files from there too.
const monorepoRoot = path.join(__dirname, '..', '..');

// No telemetry, even when someone forgets NEXT_TELEMETRY_DISABLED=1: Next reads it after loading this file.
process.env.NEXT_TELEMETRY_DISABLED ??= '1';

const nextConfig: NextConfig = {
  output: 'standalone',
  outputFileTracingRoot: monorepoRoot,
  turbopack: { root: monorepoRoot },
  poweredByHeader: false,
  reactStrictMode: true,
  // QR codes encode the URL in upper case (alphanumeric mode makes a smaller, sturdier code): /Q/TB-233AC.
  // The path is case-sensitive, so the upper-case form is served by the same page (no redirect hop).
  async rewrites() {
    return { beforeFiles: [{ source: '/Q/:code', destination: '/q/:code' }], afterFiles: [], fallback: [] };
  },
  experimental: {
    // The stylesheet is small: inlined into each page it costs no render-blocking request on 3G.
    inlineCss: true,
    // Two root layouts (vi, en) leave no single layout for unmatched URLs: app/global-not-found.tsx.
    globalNotFound: true,
  },
};

export default nextConfig;
