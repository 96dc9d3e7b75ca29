package dev.valbox.packages.entity;

import dev.valbox.problems.entity.ValboxException;

/**
 * A package import that cannot be resolved, fetched, checked or compiled. It is the val author's to fix (or to retry
 * when the registry is back), so it is bad input on the val's {@code code}, and the save it happens in saves nothing.
 */
public class PackageException extends ValboxException {

    public PackageException(String detail) {
        super(Kind.INVALID, "code", detail);
    }

    /** The same failure, told from further out: {@code Cannot import "npm:x": } + this message. */
    public PackageException within(String context) {
        return new PackageException(context + getMessage());
    }
}
