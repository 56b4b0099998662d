import { nativeBuiltins } from './pdfjs-natives.js';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
// Loaded here rather than on the first document: it sets `globalThis.pdfjsWorker`, which pdf.js
// then uses as its in-thread worker, so the polyfills it brings are undone below as well.
import 'pdfjs-dist/legacy/build/pdf.worker.mjs';

/**
 * pdf.js, with the engine's built-ins put back.
 *
 * The legacy build of pdf.js (the one meant for Node) bundles core-js, which replaces
 * `Array.prototype.push`, `JSON.parse` and `JSON.stringify` for the whole thread on Node 20: V8
 * there mishandles `push` on array-likes of length 2^32 and lacks `JSON.rawJSON`. Neither edge
 * matters to pdf.js or to us, but the JavaScript stand-ins made every push and every record
 * serialisation in a batch worker several times slower and cost a sixth of its CPU time. The
 * polyfills that only add what Node 20 lacks (`Promise.withResolvers`, `Uint8Array.fromBase64`…)
 * stay.
 */
Object.defineProperty(Array.prototype, 'push', { value: nativeBuiltins.push, writable: true, configurable: true, enumerable: false });
JSON.parse = nativeBuiltins.parse;
JSON.stringify = nativeBuiltins.stringify;

export const { AnnotationMode, getDocument, ImageKind, normalizeUnicode, OPS, VerbosityLevel, version } = pdfjs;
export type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
