// Deno-side stand-in for https://esm.town/v/std/blob: the corpus cases only need the import to resolve.
function unavailable(): Promise<never> {
  return Promise.reject(new Error("std/blob is not available in the real-vals test"));
}
export const blob = {
  get: unavailable, set: unavailable, delete: unavailable, list: unavailable,
  getJSON: unavailable, setJSON: unavailable, copy: unavailable, move: unavailable,
};
