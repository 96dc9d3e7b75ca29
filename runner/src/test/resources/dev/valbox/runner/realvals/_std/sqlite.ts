// Deno-side stand-in for https://esm.town/v/std/sqlite: the corpus cases never reach SQLite (on Valbox the
// host call would go unanswered), they only need the import to resolve, as std:sqlite does in the worker.
export const sqlite = {
  execute(): Promise<never> {
    return Promise.reject(new Error("std/sqlite is not available in the real-vals test"));
  },
  batch(): Promise<never> {
    return Promise.reject(new Error("std/sqlite is not available in the real-vals test"));
  },
};
