// fontkit 2 (pdfkit's font parser) ships no type declarations; we only hand its parsed font to pdfkit.
declare module 'fontkit' {
  export function create(buffer: Uint8Array, postscriptName?: string): unknown;
}
