package dev.valbox.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import javax.script.ScriptException;
import org.junit.jupiter.api.Test;

/**
 * Intl and the locale-aware built-in methods. Each val returns its answers as JSON, which must be exactly what
 * Deno 2.9 answers for the same code (the expected strings were taken from Deno, with TZ=UTC and LANG unset).
 */
class IntlTest {

    private final Vals vals = new Vals();

    /** The JSON of what the val body returns, run as a val. */
    private String json(String body) {
        Map<String, Object> result = vals.call("export default () => JSON.stringify((() => {\n" + body + "\n})())");
        assertEquals("ok", result.get("status"), () -> "run failed: " + result);
        return (String) result.get("value");
    }

    private ValGlobal globalOf(ValModule module) throws ScriptException {
        return vals.globals().obtain(module.key(), List.of(module), "{}");
    }

    @Test
    void aValThatNeverTouchesIntlOrSubtleDoesNotMakeThem() throws ScriptException {
        var hello = Vals.module(
                "val:intl-hello", "export default () => [typeof Intl, typeof crypto.subtle].length", Map.of());
        var untouched = Vals.module(
                "val:intl-untouched", "export default () => new Date(0).toISOString() + (1).toFixed(2)", Map.of());
        assertEquals(
                "1970-01-01T00:00:00.000Z1.00",
                vals.run(List.of(untouched), Map.of("kind", "function"), Map.of(), 5000)
                        .get("value"));
        assertFalse(globalOf(untouched).intlLoaded());
        assertFalse(globalOf(untouched).subtleLoaded());
        assertEquals(
                2,
                vals.run(List.of(hello), Map.of("kind", "function"), Map.of(), 5000)
                        .get("value"));
        assertTrue(globalOf(hello).intlLoaded());
        assertTrue(globalOf(hello).subtleLoaded());
    }

    @Test
    void aToLocaleStringCallMakesIntlAndAValMayReplaceIntlBeforeThat() throws ScriptException {
        var replaced = Vals.module(
                "val:intl-replaced",
                "(globalThis as any).Intl = 'mine'; export default () => [Intl, (1234.5).toLocaleString('de-DE')]",
                Map.of());
        assertEquals(
                List.of("mine", "1.234,5"),
                vals.run(List.of(replaced), Map.of("kind", "function"), Map.of(), 5000)
                        .get("value"));
        assertTrue(globalOf(replaced).intlLoaded());
    }

    @Test
    void theDefaultLocaleIsEnUsAndTheDefaultTimeZoneUtc() {
        assertEquals(
                "[\"3/5/2024, 3:04:05 PM\",\"3/5/2024\",\"3:04:05 PM\",{\"locale\":\"en-US\",\"calendar\":\"gregory\",\"numberingSystem\":\"latn\",\"timeZone\":\"UTC\",\"year\":\"numeric\",\"month\":\"numeric\",\"day\":\"numeric\"},\"en-US\",\"1,234,567.891\"]",
                json(
                        """
const d = new Date(Date.UTC(2024, 2, 5, 15, 4, 5));
return [d.toLocaleString(), d.toLocaleDateString(), d.toLocaleTimeString(), Intl.DateTimeFormat().resolvedOptions(),
  new Intl.NumberFormat().resolvedOptions().locale, (1234567.891).toLocaleString()];
            """));
    }

    @Test
    void dateAndTimeStylesMatchDenoInTheCommonLocales() {
        assertEquals(
                "[\"Tuesday, March 5, 2024 at 10:04:05 AM Eastern Standard Time\",\"March 5, 2024 at 10:04:05 AM EST\",\"Mar 5, 2024, 10:04:05 AM\",\"3/5/24, 10:04 AM\",\"Tuesday, 5 March 2024 at 10:04:05 Eastern Standard Time\",\"5 March 2024 at 10:04:05 GMT-5\",\"5 Mar 2024, 10:04:05\",\"05/03/2024, 10:04\",\"Dienstag, 5. M\u00e4rz 2024 um 10:04:05 Nordamerikanische Ostk\u00fcsten-Normalzeit\",\"5. M\u00e4rz 2024 um 10:04:05 GMT-5\",\"05.03.2024, 10:04:05\",\"05.03.24, 10:04\",\"mardi 5 mars 2024 \u00e0 10:04:05 heure normale de l\u2019Est nord-am\u00e9ricain\",\"5 mars 2024 \u00e0 10:04:05 UTC\u22125\",\"5 mars 2024, 10:04:05\",\"05/03/2024 10:04\",\"2024\u5e743\u67085\u65e5\u706b\u66dc\u65e5 10\u664204\u520605\u79d2 \u30a2\u30e1\u30ea\u30ab\u6771\u90e8\u6a19\u6e96\u6642\",\"2024\u5e743\u67085\u65e5 10:04:05 GMT-5\",\"2024/03/05 10:04:05\",\"2024/03/05 10:04\"]",
                json(
                        """
const d = new Date(Date.UTC(2024, 2, 5, 15, 4, 5));
const out = [];
for (const loc of ["en-US", "en-GB", "de-DE", "fr-FR", "ja-JP"])
  for (const s of ["full", "long", "medium", "short"])
    out.push(new Intl.DateTimeFormat(loc, { dateStyle: s as any, timeStyle: s as any, timeZone: "America/New_York" }).format(d));
return out;
            """));
    }

    @Test
    void trailingZeroDisplayStripsTheFractionOfIntegersAsInDeno() {
        assertEquals(
                "[\"€1,000\",\"€1,000.50\",\"2.004\",\"stripIfInteger\"]",
                json(
                        """
const f = (o) => new Intl.NumberFormat("en-US", o);
const price = { style: "currency", currency: "EUR", minimumFractionDigits: 2, maximumFractionDigits: 6,
  trailingZeroDisplay: "stripIfInteger" };
return [f(price).format(1000), f(price).format(1000.5),
  f({ minimumFractionDigits: 2, trailingZeroDisplay: "stripIfInteger" }).format(2.004),
  f({ trailingZeroDisplay: "stripIfInteger" }).resolvedOptions().trailingZeroDisplay];
"""));
    }

    @Test
    void componentOptionsHourCyclesAndTimeZonesMatchDeno() {
        assertEquals(
                "[\"Tuesday, March 5, 2024\",\"Dienstag, 5. M\u00e4rz 2024\",\"5 mars\",\"03:04 PM\",\"3:04 pm\",\"3/6/2024, 12:04:05 AM\",\"3/5/2024, 8:34:05 PM GMT+5:30\",\"05.03.2024, 16:04:05 MEZ\",\"July 9 at 2:30 AM PDT\",\"18:05\",\"3:04:05.123 PM\",\"7/9/2024, Eastern Daylight Time\",\"2024\u5e743\u6708\",\"T\",\"3/5/2024, UTC\",\"3/10/2024, 3:30:00 AM\"]",
                json(
                        """
const d = new Date(Date.UTC(2024, 2, 5, 15, 4, 5, 123));
const summer = new Date(Date.UTC(2024, 6, 9, 9, 30));
return [
  d.toLocaleDateString("en-US", { weekday: "long", year: "numeric", month: "long", day: "numeric" }),
  d.toLocaleDateString("de-DE", { weekday: "long", year: "numeric", month: "long", day: "numeric" }),
  d.toLocaleDateString("fr-FR", { month: "short", day: "numeric" }),
  d.toLocaleTimeString("en-US", { hour: "2-digit", minute: "2-digit" }),
  d.toLocaleTimeString("en-GB", { hour: "numeric", minute: "2-digit", hour12: true }),
  d.toLocaleString("en-US", { timeZone: "Asia/Tokyo" }),
  d.toLocaleString("en-US", { timeZone: "Asia/Kolkata", timeZoneName: "short" }),
  d.toLocaleString("de-DE", { timeZone: "Europe/Berlin", dateStyle: "medium", timeStyle: "long" }),
  summer.toLocaleString("en-US", { timeZone: "America/Los_Angeles", month: "long", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short" }),
  new Date(Date.UTC(2024, 0, 1, 0, 5)).toLocaleString("en-US", { timeZone: "America/Chicago", hour: "2-digit", minute: "2-digit", hour12: false }),
  new Intl.DateTimeFormat("en-US", { hour: "numeric", minute: "numeric", second: "numeric", fractionalSecondDigits: 3 }).format(d),
  new Intl.DateTimeFormat("en-US", { timeZoneName: "long", timeZone: "America/New_York" }).format(summer),
  new Intl.DateTimeFormat("ja-JP", { month: "long", year: "numeric" }).format(d),
  new Intl.DateTimeFormat("en-US", { weekday: "narrow" }).format(d),
  new Intl.DateTimeFormat("en-US", { timeZone: "UTC", timeZoneName: "short" }).format(d),
  new Date(Date.UTC(2024, 2, 10, 7, 30)).toLocaleString("en-US", { timeZone: "America/New_York" }),
];
            """));
    }

    @Test
    void formatToPartsAndResolvedOptionsMatchDeno() {
        assertEquals(
                "[[{\"type\":\"day\",\"value\":\"05\"},{\"type\":\"literal\",\"value\":\"/\"},{\"type\":\"month\",\"value\":\"03\"},{\"type\":\"literal\",\"value\":\"/\"},{\"type\":\"year\",\"value\":\"2024\"}],[{\"type\":\"hour\",\"value\":\"3\"},{\"type\":\"literal\",\"value\":\" \"},{\"type\":\"dayPeriod\",\"value\":\"PM\"}],{\"locale\":\"en-US\",\"calendar\":\"gregory\",\"numberingSystem\":\"latn\",\"timeZone\":\"Asia/Tokyo\",\"hourCycle\":\"h12\",\"hour12\":true,\"hour\":\"numeric\"},{\"locale\":\"de\",\"calendar\":\"gregory\",\"numberingSystem\":\"latn\",\"timeZone\":\"UTC\",\"dateStyle\":\"short\"},{\"locale\":\"en-GB\",\"calendar\":\"gregory\",\"numberingSystem\":\"latn\",\"timeZone\":\"UTC\",\"year\":\"numeric\",\"month\":\"2-digit\",\"day\":\"2-digit\"}]",
                json(
                        """
const d = new Date(Date.UTC(2024, 2, 5, 15, 4, 5));
return [
  new Intl.DateTimeFormat("en-GB", { year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(d),
  new Intl.DateTimeFormat("en-US", { hour: "numeric" }).formatToParts(d),
  new Intl.DateTimeFormat("en-US", { timeZone: "asia/tokyo", hour: "numeric" }).resolvedOptions(),
  new Intl.DateTimeFormat("de", { dateStyle: "short" }).resolvedOptions(),
  new Intl.DateTimeFormat("en-GB").resolvedOptions(),
];
            """));
    }

    @Test
    void isoLikeDatesFromEnCaAndSvSeWork() {
        assertEquals(
                "[\"2024-12-31\",\"2024-12-31\",\"2024-12-31 23:59:30\",\"2024-12-31, 11:59:30 p.m.\",\"2025-01-01\"]",
                json(
                        """
const d = new Date(Date.UTC(2024, 11, 31, 23, 59, 30));
return [d.toLocaleDateString("en-CA"), d.toLocaleDateString("sv-SE"), d.toLocaleString("sv-SE"), d.toLocaleString("en-CA"),
  d.toLocaleDateString("en-CA", { timeZone: "Pacific/Kiritimati" })];
            """));
    }

    @Test
    void numberFormatStylesMatchDeno() {
        assertEquals(
                "[\"1,234,567.891\",\"-\u20ac1,234.50\",\"$1,234.50\",\"\u00a51,235\",\"25.6%\",\"1.2K 1.2M 1M 15K 0.12 1.5B\",\"1.2 million\",\"50 km/h\",\"1.5 megabytes\",\"1,234,567.891\",\"-\u20ac1,234.50\",\"US$1,234.50\",\"JP\u00a51,235\",\"25.6%\",\"1.2K 1.2M 1M 15K 0.12 1.5B\",\"1.2 million\",\"50 km/h\",\"1.5 megabytes\",\"1.234.567,891\",\"-1.234,50\u00a0\u20ac\",\"1.234,50\u00a0$\",\"1.235\u00a0\u00a5\",\"25,6\u00a0%\",\"1234 1,2\u00a0Mio. 999.999 15.300 0,12 1,5\u00a0Mrd.\",\"1,2 Millionen\",\"50 km/h\",\"1,5 Megabyte\",\"1\u202f234\u202f567,891\",\"-1\u202f234,50\u00a0\u20ac\",\"1\u202f234,50\u00a0$US\",\"1\u202f235\u00a0JPY\",\"25,6\u00a0%\",\"1,2\u00a0k 1,2\u00a0M 1\u00a0M 15\u00a0k 0,12 1,5\u00a0Md\",\"1,2 million\",\"50\u202fkm/h\",\"1,5\u00a0m\u00e9gaoctet\",\"1,234,567.891\",\"-\u20ac1,234.50\",\"$1,234.50\",\"\uffe51,235\",\"25.6%\",\"1234 123\u4e07 100\u4e07 1.5\u4e07 0.12 15\u5104\",\"123\u4e07\",\"50 km/h\",\"1.5 \u30e1\u30ac\u30d0\u30a4\u30c8\",\"12,34,567.891\",\"-\u20ac1,234.50\",\"$1,234.50\",\"JP\u00a51,235\",\"25.6%\",\"1.2K 12L 10L 15K 0.12 150Cr\",\"1.2 million\",\"50 kph\",\"1.5 megabytes\",\"1.234.567,891\",\"-1234,50\u00a0\u20ac\",\"1234,50\u00a0US$\",\"1235\u00a0JPY\",\"25,6\u00a0%\",\"1,2\u00a0mil 1,2\u00a0M 1\u00a0M 15\u00a0mil 0,12 1500\u00a0M\",\"1,2 millones\",\"50 km/h\",\"1,5 megabytes\"]",
                json(
                        """
const out = [];
for (const loc of ["en-US", "en-GB", "de-DE", "fr-FR", "ja-JP", "en-IN", "es-ES"]) out.push(
  (1234567.891).toLocaleString(loc),
  new Intl.NumberFormat(loc, { style: "currency", currency: "EUR" }).format(-1234.5),
  new Intl.NumberFormat(loc, { style: "currency", currency: "USD" }).format(1234.5),
  new Intl.NumberFormat(loc, { style: "currency", currency: "JPY" }).format(1234.5),
  new Intl.NumberFormat(loc, { style: "percent", maximumFractionDigits: 1 }).format(0.256),
  [1234, 1234567, 999999, 15300, 0.123, 1500000000].map(n => new Intl.NumberFormat(loc, { notation: "compact" }).format(n)).join(" "),
  new Intl.NumberFormat(loc, { notation: "compact", compactDisplay: "long" }).format(1234567),
  new Intl.NumberFormat(loc, { style: "unit", unit: "kilometer-per-hour" }).format(50),
  new Intl.NumberFormat(loc, { style: "unit", unit: "megabyte", unitDisplay: "long" }).format(1.5));
return out;
            """));
    }

    @Test
    void numberOptionsRoundLikeIcu() {
        assertEquals(
                "[\"1.01\",\"-0\",\"2.3\",\"123,000\",\"0.00012\",\"5.00\",\"5.00\",\"00,123.456\",\"1234.5\",\"+5\",\"0\",\"1,000,000,000,000,000,000,000\",\"9,007,199,254,740,991\",\"-\u221e\",\"NaN\",\"0\",\"1.235E5\",\"-1.2K\",\"1.2M\",\"($5.00)\",\"USD\u00a012.00\",\"12.00 US dollars\",\"CHF\u00a03.00\",\"$1,235\",\"12.345\",\"1234\",[{\"type\":\"minusSign\",\"value\":\"-\"},{\"type\":\"currency\",\"value\":\"\u20ac\"},{\"type\":\"integer\",\"value\":\"1\"},{\"type\":\"group\",\"value\":\",\"},{\"type\":\"integer\",\"value\":\"234\"},{\"type\":\"decimal\",\"value\":\".\"},{\"type\":\"fraction\",\"value\":\"50\"}],[{\"type\":\"integer\",\"value\":\"50\"},{\"type\":\"literal\",\"value\":\" \"},{\"type\":\"unit\",\"value\":\"km/h\"}],{\"locale\":\"en-US\",\"numberingSystem\":\"latn\",\"style\":\"decimal\",\"minimumIntegerDigits\":1,\"minimumFractionDigits\":0,\"maximumFractionDigits\":3,\"useGrouping\":\"auto\",\"notation\":\"standard\",\"signDisplay\":\"auto\",\"roundingIncrement\":1,\"roundingMode\":\"halfExpand\",\"roundingPriority\":\"auto\",\"trailingZeroDisplay\":\"auto\"},{\"locale\":\"en-US\",\"numberingSystem\":\"latn\",\"style\":\"decimal\",\"minimumIntegerDigits\":1,\"minimumFractionDigits\":0,\"maximumFractionDigits\":0,\"minimumSignificantDigits\":1,\"maximumSignificantDigits\":2,\"useGrouping\":\"min2\",\"notation\":\"compact\",\"compactDisplay\":\"short\",\"signDisplay\":\"auto\",\"roundingIncrement\":1,\"roundingMode\":\"halfExpand\",\"roundingPriority\":\"morePrecision\",\"trailingZeroDisplay\":\"auto\"}]",
                json(
                        """
const f = (n: number, o: any) => new Intl.NumberFormat("en-US", o).format(n);
return [
  f(1.005, { maximumFractionDigits: 2 }), f(-0.001, { maximumFractionDigits: 2 }), f(2.25, { maximumFractionDigits: 1 }),
  f(123456.7, { maximumSignificantDigits: 3 }), f(0.000123456, { maximumSignificantDigits: 2 }), f(5, { minimumSignificantDigits: 3 }),
  f(5, { minimumFractionDigits: 2 }), f(123.456, { minimumIntegerDigits: 5 }), f(1234.5, { useGrouping: false }),
  f(5, { signDisplay: "always" }), f(0, { signDisplay: "exceptZero" }), f(1e21, {}), f(Number.MAX_SAFE_INTEGER, {}),
  f(-Infinity, {}), f(NaN, {}), f(1e-7, {}), f(123456, { notation: "scientific" }), f(-1234, { notation: "compact" }),
  f(1234567, { notation: "compact", maximumFractionDigits: 1 }),
  f(-5, { style: "currency", currency: "USD", currencySign: "accounting" }),
  f(12, { style: "currency", currency: "USD", currencyDisplay: "code" }),
  f(12, { style: "currency", currency: "USD", currencyDisplay: "name" }),
  f(3, { style: "currency", currency: "CHF" }), f(1234.56, { style: "currency", currency: "USD", maximumFractionDigits: 0 }),
  (12345).toLocaleString("es-ES"), (1234).toLocaleString("es-ES"),
  new Intl.NumberFormat("en-US", { style: "currency", currency: "EUR" }).formatToParts(-1234.5),
  new Intl.NumberFormat("de-DE", { style: "unit", unit: "kilometer-per-hour" }).formatToParts(50),
  new Intl.NumberFormat("en-US").resolvedOptions(),
  new Intl.NumberFormat("en-US", { notation: "compact" }).resolvedOptions(),
];
            """));
    }

    @Test
    void relativeTimePluralRulesAndListsMatchDeno() {
        assertEquals(
                "[\"yesterday | today | tomorrow | in 2 days | 3 days ago\",\"in 3 hours\",\"5 min. ago\",\"other/other one/one other/two other/few other/other other/other other/two other/other\",\"a, b, and c\",\"a or b\",\"gestern | heute | morgen | \u00fcbermorgen | vor 3 Tagen\",\"in 3 Stunden\",\"vor 5 Min.\",\"other/other one/other other/other other/other other/other other/other other/other other/other\",\"a, b und c\",\"a oder b\",\"hier | aujourd\u2019hui | demain | apr\u00e8s-demain | il y a 3 jours\",\"dans 3 heures\",\"il y a 5\u00a0min\",\"one/other one/one other/other other/other other/other other/other other/other one/other\",\"a, b et c\",\"a ou b\",\"\u6628\u65e5 | \u4eca\u65e5 | \u660e\u65e5 | \u660e\u5f8c\u65e5 | 3 \u65e5\u524d\",\"3 \u6642\u9593\u5f8c\",\"5 \u5206\u524d\",\"other/other other/other other/other other/other other/other other/other other/other other/other\",\"a\u3001b\u3001c\",\"a\u307e\u305f\u306fb\",\"\u0432\u0447\u0435\u0440\u0430 | \u0441\u0435\u0433\u043e\u0434\u043d\u044f | \u0437\u0430\u0432\u0442\u0440\u0430 | \u043f\u043e\u0441\u043b\u0435\u0437\u0430\u0432\u0442\u0440\u0430 | 3 \u0434\u043d\u044f \u043d\u0430\u0437\u0430\u0434\",\"\u0447\u0435\u0440\u0435\u0437 3 \u0447\u0430\u0441\u0430\",\"5 \u043c\u0438\u043d. \u043d\u0430\u0437\u0430\u0434\",\"many/other one/other few/other few/other many/other many/other few/other other/other\",\"a, b \u0438 c\",\"a \u0438\u043b\u0438 b\",\"wczoraj | dzisiaj | jutro | pojutrze | 3 dni temu\",\"za 3 godziny\",\"5 min temu\",\"many/other one/other few/other few/other many/other many/other few/other other/other\",\"a, b i c\",\"a lub b\",[{\"type\":\"integer\",\"value\":\"1\",\"unit\":\"month\"},{\"type\":\"literal\",\"value\":\" month ago\"}],{\"locale\":\"en\",\"type\":\"cardinal\",\"notation\":\"standard\",\"minimumIntegerDigits\":1,\"minimumFractionDigits\":0,\"maximumFractionDigits\":3,\"pluralCategories\":[\"one\",\"other\"],\"roundingIncrement\":1,\"roundingMode\":\"halfExpand\",\"roundingPriority\":\"auto\",\"trailingZeroDisplay\":\"auto\"},\"1h, 2m\"]",
                json(
                        """
const out = [];
for (const loc of ["en-US", "de-DE", "fr-FR", "ja-JP", "ru-RU", "pl-PL"]) out.push(
  [-1, 0, 1, 2, -3].map(v => new Intl.RelativeTimeFormat(loc, { numeric: "auto" }).format(v, "day")).join(" | "),
  new Intl.RelativeTimeFormat(loc).format(3, "hours"),
  new Intl.RelativeTimeFormat(loc, { style: "short" }).format(-5, "minute"),
  [0, 1, 2, 3, 5, 11, 22, 1.5].map(n => new Intl.PluralRules(loc).select(n) + "/" + new Intl.PluralRules(loc, { type: "ordinal" }).select(n)).join(" "),
  new Intl.ListFormat(loc).format(["a", "b", "c"]),
  new Intl.ListFormat(loc, { type: "disjunction" }).format(["a", "b"]));
out.push(new Intl.RelativeTimeFormat("en").formatToParts(-1, "month"), new Intl.PluralRules("en-US").resolvedOptions(),
  new Intl.ListFormat("en", { style: "short", type: "unit" }).format(["1h", "2m"]));
return out;
            """));
    }

    @Test
    void collatorAndLocaleCompareSortLikeDeno() {
        assertEquals(
                "[[\"10\",\"9\",\"a\",\"\u00e4\",\"b\",\"z\",\"Z\"],[\"a\",\"z\",\"Z\",\"\u00e4\"],[\"a\",\"A\",\"B\",\"c\"],[\"Item1\",\"item9\",\"item10\"],[0,0,-1,-1],[\"a1\",\"a2\",\"a10\"],{\"locale\":\"en-US\",\"usage\":\"sort\",\"sensitivity\":\"variant\",\"ignorePunctuation\":false,\"collation\":\"default\",\"numeric\":false,\"caseFirst\":\"false\"}]",
                json(
                        """
return [
  ["b", "a", "ä", "Z", "z", "10", "9"].sort(new Intl.Collator("de").compare),
  ["Z", "a", "z", "ä"].sort(new Intl.Collator("sv").compare),
  ["a", "B", "c", "A"].sort((a, b) => a.localeCompare(b)),
  ["item10", "item9", "Item1"].sort(new Intl.Collator("en", { numeric: true, sensitivity: "base" }).compare),
  ["a".localeCompare("A", "en", { sensitivity: "base" }), "a".localeCompare("á", "en", { sensitivity: "base" }),
   "a".localeCompare("á", "en", { sensitivity: "accent" }), "a".localeCompare("A", "en", { sensitivity: "case" })],
  ["a10", "a2", "a1"].sort((x, y) => x.localeCompare(y, undefined, { numeric: true })),
  new Intl.Collator().resolvedOptions(),
];
            """));
    }

    @Test
    void segmenterAndLocaleListsMatchDeno() {
        assertEquals(
                "[[\"Hello\",\"world\"],[\"e\u0301\",\"a\",\"\ud83d\udc4d\ud83c\udffd\"],[\"en-US\",\"de-DE\"],[\"en-US\",\"de\"],true]",
                json(
                        """
return [
  [...new Intl.Segmenter("en", { granularity: "word" }).segment("Hello, world!")].filter(x => x.isWordLike).map(x => x.segment),
  [...new Intl.Segmenter("en").segment("e\\u0301a👍🏽")].map(x => x.segment),
  Intl.getCanonicalLocales(["EN-us", "de-de"]),
  Intl.DateTimeFormat.supportedLocalesOf(["en-US", "de"]),
  Intl.supportedValuesOf("timeZone").includes("America/New_York"),
];
            """));
    }

    @Test
    void badOptionsThrowTheErrorsDenoThrows() {
        assertEquals(
                "[\"RangeError\",\"TypeError\",\"TypeError\",\"RangeError\",\"RangeError\",\"RangeError\",\"Invalid Date\"]",
                json(
                        """
const err = (f: () => unknown) => { try { f(); return "no error"; } catch (e) { return (e as Error).name; } };
return [
  err(() => new Intl.DateTimeFormat("en", { timeZone: "Mars/Base" })),
  err(() => new Intl.NumberFormat("en", { style: "currency" })),
  err(() => new Intl.DateTimeFormat("en", { dateStyle: "short", hour: "numeric" })),
  err(() => new Intl.NumberFormat("en", { maximumFractionDigits: 200 })),
  err(() => new Intl.RelativeTimeFormat("en").format(1, "decade")),
  err(() => new Intl.DateTimeFormat("en-US").format(NaN)),
  new Date(NaN).toLocaleString(),
];
            """));
    }
}
