// Instantiating the project's WebAssembly modules (the random stream's kernels, a histogram's first
// counting pass): each made once per thread where it is used, or not at all where it cannot be.

/** What this module uses of the WebAssembly JavaScript API (the project's TypeScript libraries do not declare it). */
interface WebAssemblyApi {
  readonly Module: new (bytes: Uint8Array) => object;
  readonly Instance: new (module: object, imports: object) => { readonly exports: unknown };
}

/**
 * The exports of the module in `base64` (no imports), or undefined where WebAssembly is not available
 * (node --jitless), may not be compiled (an embedder's CompileError), or the platform is big-endian:
 * callers read the module's memory through typed arrays, which assume its little-endian layout. Callers
 * then run their JavaScript loops, with the same numbers.
 * @example instantiateWasm<{ memory: WebAssembly.Memory }>(kernelsWasm)?.memory.buffer.byteLength; // => 196608
 */
export function instantiateWasm<Exports>(base64: string): Exports | undefined {
  const api = (globalThis as { WebAssembly?: WebAssemblyApi }).WebAssembly;
  const littleEndian = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;
  if (!api || !littleEndian) return undefined;
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  try {
    return new api.Instance(new api.Module(bytes), {}).exports as Exports;
  } catch {
    // The modules themselves are checked at build time and by the tests, which also require them here.
    return undefined;
  }
}
