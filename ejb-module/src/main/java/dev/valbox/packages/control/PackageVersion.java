package dev.valbox.packages.control;

/** One published version of a package, as its registry metadata describes it: where its tarball is, what it hashes to. */
public record PackageVersion(String name, String version, String tarball, String integrity, String shasum) {

    public String id() {
        return name + "@" + version;
    }

    /** The integrity that the lock records: the SRI string, or the SHA-1 of packages that predate it. */
    public String pinned() {
        return integrity != null ? integrity : "sha1:" + shasum;
    }
}
