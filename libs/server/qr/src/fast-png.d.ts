// fast-png 8 ships ES modules with an `exports` map only, which TypeScript's `moduleResolution: node`
// (our CommonJS setting) cannot follow; this declares the one function we use, as fast-png types it.
// At run time Node 20's require(esm) loads it from the CommonJS build, and Jest compiles it (jest.preset.js).
declare module 'fast-png' {
  export interface DecodedPng {
    width: number;
    height: number;
    data: Uint8Array | Uint8ClampedArray | Uint16Array;
    depth: 1 | 2 | 4 | 8 | 16;
    channels: number;
  }
  export function decode(data: ArrayBufferLike | ArrayBufferView): DecodedPng;
}
