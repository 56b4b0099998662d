/**
 * The engine's own `Array.prototype.push`, `JSON.parse` and `JSON.stringify`, captured before
 * pdf.js is evaluated. `pdfjs.ts` imports this module ahead of pdf.js so that ES module order
 * guarantees the capture happens first.
 */
export const nativeBuiltins = {
  push: Array.prototype.push,
  parse: JSON.parse,
  stringify: JSON.stringify,
} as const;
