/**
 * npm packages in vals (SPEC §9). A val's {@code npm:} and {@code https://esm.sh/} imports are resolved when its
 * version is saved: metadata and tarball from the configured registry, the tarball's integrity checked before it is
 * unpacked, every file a val can reach compiled by the compiler worker, and the whole result pinned as the version's
 * {@link dev.valbox.packages.entity.PackageLock}. Runs read only the lock and the on-disk store, never the registry
 * (unless the store lost a package, which is then fetched again at its pinned version and integrity). Package code
 * is untrusted: no install script ever runs, and it executes only in the workers' sandbox.
 */
package dev.valbox.packages;
