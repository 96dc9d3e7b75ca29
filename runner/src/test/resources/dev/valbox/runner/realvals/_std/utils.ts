// Deno-side stand-in for https://esm.town/v/std/utils (a network call to Val Town's API). The worker has no
// such std module, so on Valbox the import is refused, as the server refuses it.
export function listFiles(): Promise<never> {
  return Promise.reject(new Error("std/utils is not available in the real-vals test"));
}
