// pdf.js ships no types for its worker module; the main thread only needs it to exist.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
