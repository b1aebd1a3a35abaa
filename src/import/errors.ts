/** A document that cannot be imported: the message is for the person holding it; the CLI exits 2. */
export class ImportError extends Error {}
