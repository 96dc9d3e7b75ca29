package dev.valbox.runner;

import java.text.BreakIterator;
import java.text.Collator;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JDK side of {@code Intl} (js/intl.js): time zone rules and names (java.time), collation and text boundaries
 * (java.text), currencies, locale tags, and the CLDR tables of js/intl-data.json, handed to JS one locale section at
 * a time as JSON text. Stateless apart from caches of immutable answers; only strings and numbers cross.
 */
final class IntlHost {

    /** The generated CLDR tables, parsed once per worker: locale → section → JSON text. */
    private static volatile Map<String, Map<String, String>> tables;
    /** Lower-cased zone id → the id as the JDK spells it. */
    private static volatile Map<String, String> zones;

    private static final Map<String, Collator> COLLATORS = new ConcurrentHashMap<>();

    private IntlHost() {}

    static Map<String, HostFunction> functions() {
        Map<String, HostFunction> f = new LinkedHashMap<>();
        f.put("intlData", HostFunction.of(a -> data(s(a, 0), s(a, 1))));
        f.put("intlTableLocales", HostFunction.of(a -> String.join(",", tables().keySet())));
        f.put("intlCanonical", HostFunction.of(a -> canonical(s(a, 0))));
        f.put("intlZone", HostFunction.of(a -> zone(s(a, 0))));
        f.put("intlZones", HostFunction.of(a -> String.join(",", new TreeMap<>(zones()).values())));
        f.put("intlFields", HostFunction.of(a -> fields(HostFunction.number(a, 0), s(a, 1))));
        f.put("intlZoneName", HostFunction.of(a -> zoneName(HostFunction.number(a, 0), s(a, 1), s(a, 2), s(a, 3))));
        f.put("intlCurrency", HostFunction.of(a -> currency(s(a, 0), s(a, 1))));
        f.put("intlCompare", HostFunction.of(a -> compare(s(a, 0), s(a, 1), s(a, 2), s(a, 3), flag(a, 4), flag(a, 5))));
        f.put("intlSegment", HostFunction.of(a -> segment(s(a, 0), s(a, 1), s(a, 2))));
        return f;
    }

    private static Map<String, Map<String, String>> tables() throws Exception {
        Map<String, Map<String, String>> local = tables;
        if (local == null) {
            synchronized (IntlHost.class) {
                local = tables;
                if (local == null) {
                    Map<String, Object> parsed = Frames.JSON_TEXT.mapFrom(Prelude.js("intl-data.json"));
                    Map<String, Map<String, String>> all = new LinkedHashMap<>();
                    for (var locale : parsed.entrySet()) {
                        Map<String, String> sections = new HashMap<>();
                        for (var section : ((Map<?, ?>) locale.getValue()).entrySet()) {
                            sections.put((String) section.getKey(), Frames.JSON_TEXT.asString(section.getValue()));
                        }
                        all.put(locale.getKey(), Map.copyOf(sections));
                    }
                    tables = local = all;
                }
            }
        }
        return local;
    }

    /** One section of one table locale's CLDR data, as JSON text. */
    static String data(String locale, String section) throws Exception {
        Map<String, String> sections = tables().get(locale);
        String json = sections == null ? null : sections.get(section);
        if (json == null) {
            throw new IllegalArgumentException("no Intl data " + section + " for " + locale);
        }
        return json;
    }

    /** The canonical BCP 47 spelling of a tag; fails (RangeError in JS) for a malformed one. */
    static String canonical(String tag) {
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag).build();
            if (locale.getLanguage().isEmpty()) {
                throw new IllegalArgumentException("Incorrect locale information provided");
            }
            return locale.toLanguageTag();
        } catch (IllformedLocaleException e) {
            throw new IllegalArgumentException("Incorrect locale information provided");
        }
    }

    private static Map<String, String> zones() {
        Map<String, String> local = zones;
        if (local == null) {
            Map<String, String> all = new HashMap<>();
            for (String id : ZoneId.getAvailableZoneIds()) {
                all.put(id.toLowerCase(Locale.ROOT), id);
            }
            zones = local = Map.copyOf(all);
        }
        return local;
    }

    /** The IANA zone as ICU names it (UTC and its aliases are "UTC"), matched case-insensitively. */
    static String zone(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (List.of("utc", "etc/utc", "etc/gmt", "gmt", "etc/uct", "uct", "etc/universal", "etc/zulu", "zulu")
                .contains(lower)) {
            return "UTC";
        }
        String id = zones().get(lower);
        if (id == null) {
            throw new IllegalArgumentException("Invalid time zone specified: " + name);
        }
        return id;
    }

    /** Calendar fields of an instant in a zone: year,month,day,hour,minute,second,millisecond,weekday(0 = Sunday),offset minutes. */
    static String fields(double epochMillis, String zone) {
        ZonedDateTime t = Instant.ofEpochMilli((long) epochMillis).atZone(ZoneId.of(zone));
        return t.getYear() + "," + t.getMonthValue() + "," + t.getDayOfMonth() + "," + t.getHour() + "," + t.getMinute()
                + "," + t.getSecond() + "," + (t.getNano() / 1_000_000) + ","
                + (t.getDayOfWeek().getValue() % 7) + ","
                + (t.getOffset().getTotalSeconds() / 60);
    }

    /** The JDK's (CLDR) name of a zone at an instant: style long, short, shortGeneric or longGeneric. */
    static String zoneName(double epochMillis, String zone, String locale, String style) {
        String pattern =
                switch (style) {
                    case "long" -> "zzzz";
                    case "shortGeneric" -> "v";
                    case "longGeneric" -> "vvvv";
                    default -> "z";
                };
        return DateTimeFormatter.ofPattern(pattern, Locale.forLanguageTag(locale))
                .format(Instant.ofEpochMilli((long) epochMillis).atZone(ZoneId.of(zone)));
    }

    /** A currency unknown to the tables: fraction digits, symbol and display name, separated by newlines. */
    static String currency(String code, String locale) {
        Currency currency = Currency.getInstance(code.toUpperCase(Locale.ROOT));
        Locale l = Locale.forLanguageTag(locale);
        return Math.max(currency.getDefaultFractionDigits(), 0) + "\n" + currency.getSymbol(l) + "\n"
                + currency.getDisplayName(l);
    }

    /**
     * Compares as Intl.Collator does. sensitivity base/accent/case/variant maps onto the collator's strengths
     * (case: base letters plus case, accents ignored); numeric compares runs of digits by value.
     */
    static int compare(
            String locale, String a, String b, String sensitivity, boolean numeric, boolean ignorePunctuation) {
        if (ignorePunctuation) {
            a = a.replaceAll("[\\p{P}\\s]", "");
            b = b.replaceAll("[\\p{P}\\s]", "");
        }
        if (numeric) {
            return Integer.signum(compareNumeric(locale, a, b, sensitivity));
        }
        return Integer.signum(compareText(locale, a, b, sensitivity));
    }

    private static int compareText(String locale, String a, String b, String sensitivity) {
        Collator collator = collator(
                locale,
                switch (sensitivity) {
                    case "base", "case" -> Collator.PRIMARY;
                    case "accent" -> Collator.SECONDARY;
                    default -> Collator.TERTIARY;
                });
        int order = collator.compare(a, b);
        if (order == 0 && "case".equals(sensitivity)) {
            order = collator(locale, Collator.TERTIARY).compare(stripAccents(a), stripAccents(b));
        }
        return order;
    }

    private static int compareNumeric(String locale, String a, String b, String sensitivity) {
        List<String> left = chunks(a), right = chunks(b);
        for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
            String x = left.get(i), y = right.get(i);
            int order;
            if (Character.isDigit(x.charAt(0)) && Character.isDigit(y.charAt(0))) {
                order = new java.math.BigInteger(x).compareTo(new java.math.BigInteger(y));
            } else {
                order = compareText(locale, x, y, sensitivity);
            }
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(left.size(), right.size());
    }

    /** Runs of ASCII digits and runs of anything else. */
    private static List<String> chunks(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= text.length(); i++) {
            if (i == text.length() || isDigit(text.charAt(i)) != isDigit(text.charAt(i - 1))) {
                out.add(text.substring(start, i));
                start = i;
            }
        }
        return out;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String stripAccents(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    private static Collator collator(String locale, int strength) {
        return COLLATORS.computeIfAbsent(locale + "/" + strength, k -> {
            Collator c = Collator.getInstance(Locale.forLanguageTag(locale));
            c.setStrength(strength);
            c.setDecomposition(Collator.CANONICAL_DECOMPOSITION);
            return c;
        });
    }

    /** The boundaries (UTF-16 indexes, comma separated) of graphemes, words or sentences in a text. */
    static String segment(String locale, String granularity, String text) {
        Locale l = Locale.forLanguageTag(locale);
        BreakIterator it =
                switch (granularity) {
                    case "word" -> BreakIterator.getWordInstance(l);
                    case "sentence" -> BreakIterator.getSentenceInstance(l);
                    default -> BreakIterator.getCharacterInstance(l);
                };
        it.setText(text);
        StringBuilder out = new StringBuilder();
        for (int at = it.first(); at != BreakIterator.DONE; at = it.next()) {
            out.append(out.length() == 0 ? "" : ",").append(at);
        }
        return out.toString();
    }

    private static String s(Object[] args, int i) {
        return HostFunction.string(args, i);
    }

    private static boolean flag(Object[] args, int i) {
        return i < args.length && Boolean.TRUE.equals(args[i]);
    }
}
