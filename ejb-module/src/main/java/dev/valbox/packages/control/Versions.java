package dev.valbox.packages.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Pattern;
import org.semver4j.Semver;
import org.semver4j.range.RangeList;
import org.semver4j.range.RangeListFactory;

/**
 * Which version a range picks, as npm picks it: a dist-tag ({@code latest}, {@code next}) names its version; for a
 * range, the {@code latest} version if it satisfies the range, else the highest version that does. Prereleases are
 * picked only by a range that names a prerelease. Ranges are parsed by semver4j, which matches npm's node-semver;
 * tags are looked up first because semver4j reads an unknown word such as {@code latest} as "any version".
 */
public final class Versions {

    /** The range of a val's import that gave none: npm's default tag. */
    public static final String LATEST = "latest";

    private static final Pattern TAG = Pattern.compile("[A-Za-z][A-Za-z0-9._-]*");
    private static final Pattern ANY = Pattern.compile("\\*|x|X|");

    private Versions() {}

    /** Not a range npm would accept, nor a tag. */
    public static final class BadRangeException extends Exception {
        BadRangeException(String range) {
            super("'" + range + "' is not a version range", null, false, false);
        }
    }

    /** The version of a package's metadata that {@code range} picks; empty when none satisfies it. */
    public static Optional<String> pick(JsonObject metadata, String range) throws BadRangeException {
        var versions = metadata.getJsonObject("versions");
        if (versions == null) {
            return Optional.empty();
        }
        var tags = metadata.getJsonObject("dist-tags");
        var wanted = range == null ? LATEST : range.trim();
        if (tags != null && TAG.matcher(wanted).matches() && tags.get(wanted) instanceof JsonString tagged) {
            return Optional.of(tagged.getString()).filter(versions::containsKey);
        }
        var ranges = parse(wanted);
        if (tags != null
                && tags.get(LATEST) instanceof JsonString latest
                && versions.containsKey(latest.getString())
                && satisfies(ranges, latest.getString())) {
            return Optional.of(latest.getString());
        }
        return highest(versions.keySet(), ranges);
    }

    /**
     * The version a range picks among versions already stored, for when the registry cannot be asked. A tag picks
     * the highest stored stable version: the best guess without the registry.
     */
    public static Optional<String> pickStored(Collection<String> stored, String range) throws BadRangeException {
        var wanted = range == null ? LATEST : range.trim();
        if (TAG.matcher(wanted).matches() && !wanted.matches("[vV]?\\d.*|x|X")) {
            return highest(stored, parse("*"));
        }
        return highest(stored, parse(wanted));
    }

    /** Whether {@code version} is inside {@code range}: reusing a version another dependent already got. */
    public static boolean satisfies(String version, String range) {
        try {
            return satisfies(parse(range == null ? "*" : range), version);
        } catch (BadRangeException e) {
            return false;
        }
    }

    /** The range parsed; a range of nothing is refused rather than matching nothing quietly. */
    public static RangeList parse(String range) throws BadRangeException {
        var ranges = RangeListFactory.create(range);
        if (ranges.get().isEmpty() && !ANY.matcher(range.trim()).matches()) {
            throw new BadRangeException(range);
        }
        return ranges;
    }

    private static Optional<String> highest(Collection<String> versions, RangeList ranges) {
        return versions.stream()
                .filter(Semver::isValid)
                .filter(v -> satisfies(ranges, v))
                .max(Comparator.comparing(Semver::new));
    }

    private static boolean satisfies(RangeList ranges, String version) {
        return Semver.isValid(version) && ranges.isSatisfiedBy(new Semver(version));
    }
}
