// Generates runner/src/main/resources/dev/valbox/runner/js/intl-data.json: the CLDR patterns and names of the
// locales Valbox's Intl formats like Deno, read back from Deno's own Intl (ICU) through formatToParts. Run with
//   deno run -A runner/tools/intl-data.ts > runner/src/main/resources/dev/valbox/runner/js/intl-data.json
// The data is CLDR's (Unicode License); the JDK's CLDR is older than ICU's, so Valbox takes these from here and
// only the rest (time zone rules and names, collation, segmentation, currencies) from the JDK.
// en-CA and sv-SE are here also because vals use them to get ISO-like dates ("2024-03-05").
const LOCALES = ["en-US", "en-GB", "en-CA", "en-AU", "en-IN", "de-DE", "fr-FR", "fr-CA", "ja-JP", "es-ES", "es-MX", "it-IT",
  "pt-BR", "nl-NL", "sv-SE", "pl-PL", "ru-RU", "ko-KR", "zh-CN"];
// 2024-01-05 04:06:07 UTC: single-digit month, day and hour show whether a pattern pads them, and January and Friday
// have short names that differ from their long names in every table language that abbreviates.
const SAMPLE = new Date(Date.UTC(2024, 0, 5, 4, 6, 7));
const W = ["short", "long"], Y = ["numeric", "2-digit"], M = ["numeric", "2-digit", "short", "long", "narrow"], D = ["numeric", "2-digit"];
const NUM = ["numeric", "2-digit"];

function names(locale: string, opts: any, ctx: any, count: number, at: (i: number) => Date, type: string) {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const parts = new Intl.DateTimeFormat(locale, { timeZone: "UTC", ...opts, ...ctx }).formatToParts(at(i));
    out.push(parts.find((p) => p.type === type)!.value);
  }
  return out;
}

function pattern(locale: string, opts: any, data: any): string {
  const format = new Intl.DateTimeFormat(locale, { timeZone: "UTC", ...opts });
  const cycle = (format.resolvedOptions() as any).hourCycle;
  const parts = format.formatToParts(SAMPLE);
  return parts.map((p) => {
    const v = p.value;
    switch (p.type) {
      case "literal": return "'" + v.replace(/'/g, "''") + "'";
      case "weekday": return ["EEEE", "EEE", "EEEEE"][["long", "short", "narrow"].findIndex((w) => data.weekdays[w][5] === v)] ?? "EEE";
      case "era": return "G";
      case "year": return v.length === 2 ? "yy" : "y";
      case "month": {
        if (/^\d+$/.test(v)) return v.length === 2 ? "MM" : "M";
        for (const [w, l] of [["long", "MMMM"], ["short", "MMM"], ["narrow", "MMMMM"]]) {
          if (data.months[w][0] === v) return l;
          if (data.monthsStandalone[w][0] === v) return l.replace(/M/g, "L");
        }
        throw new Error("month " + v);
      }
      case "day": return v.length === 2 ? "dd" : "d";
      case "hour": return (cycle === "h23" || cycle === "h24" ? "H" : "h").repeat(v.length);
      case "minute": return v.length === 2 ? "mm" : "m";
      case "second": return v.length === 2 ? "ss" : "s";
      case "dayPeriod": return "a";
      case "timeZoneName": return "z";
      case "fractionalSecond": return "S";
      default: throw new Error(p.type);
    }
  }).join("").replace(/''/g, "").replace(/^''|''$/g, "");
}

function dateKeys() {
  const keys: any[] = [];
  for (const w of ["", ...W]) for (const y of ["", ...Y]) for (const m of ["", ...M]) for (const d of ["", ...D]) {
    if (!w && !y && !m && !d) continue;
    keys.push({ weekday: w, year: y, month: m, day: d });
  }
  return keys;
}
function timeKeys() {
  const keys: any[] = [];
  for (const h of NUM) for (const mi of ["", ...NUM]) for (const s of ["", ...NUM]) for (const hc of ["h12", "h23"]) for (const z of ["", "short"]) {
    if (!mi && s) continue;
    keys.push({ hour: h, minute: mi, second: s, hourCycle: hc, timeZoneName: z });
  }
  return keys;
}
const clean = (o: any) => Object.fromEntries(Object.entries(o).filter(([, v]) => v));
const dateKey = (o: any) => [o.weekday, o.year, o.month, o.day].join("|");
const timeKey = (o: any) => [o.hour, o.minute, o.second, o.hourCycle, o.timeZoneName].join("|");

function pluralSamples(locale: string, type: Intl.PluralRuleType) {
  const pr = new Intl.PluralRules(locale, { type });
  const out: Record<string, number> = {};
  for (const n of [1, 2, 3, 4, 5, 6, 11, 21, 22, 23, 100, 1.5, 0, 1000000]) { const c = pr.select(n); if (!(c in out)) out[c] = n; }
  return out;
}

function localeData(locale: string) {
  const day = (i: number) => new Date(Date.UTC(2024, 2, 3 + i)); // 2024-03-03 is a Sunday
  const month = (i: number) => new Date(Date.UTC(2024, i, 5));
  const data: any = { weekdays: {}, months: {}, monthsStandalone: {} };
  for (const w of ["long", "short", "narrow"]) {
    data.weekdays[w] = names(locale, { weekday: w }, {}, 7, day, "weekday");
    data.months[w] = names(locale, { month: w }, { day: "numeric" }, 12, month, "month");
    data.monthsStandalone[w] = names(locale, { month: w }, {}, 12, month, "month");
  }
  data.dayPeriods = [0, 15].map((h) => new Intl.DateTimeFormat(locale, { timeZone: "UTC", hour: "numeric", hourCycle: "h12" })
    .formatToParts(new Date(Date.UTC(2024, 0, 1, h))).find((p) => p.type === "dayPeriod")!.value);
  data.eras = ["short", "long", "narrow"].map((e) => [-1, 1].map((y) => new Intl.DateTimeFormat(locale, { timeZone: "UTC", era: e as any, year: "numeric" })
    .formatToParts(new Date(Date.UTC(y, 0, 1))).find((p) => p.type === "era")!.value));
  const ro = (o: any) => new Intl.DateTimeFormat(locale, o).resolvedOptions() as any;
  data.hourCycle = ro({ hour: "numeric" }).hourCycle;
  data.hourCycle12 = ro({ hour: "numeric", hour12: true }).hourCycle;
  data.hourCycle24 = ro({ hour: "numeric", hour12: false }).hourCycle;
  data.date = {};
  data.glue = {};
  const timeOnly = new Intl.DateTimeFormat(locale, { timeZone: "UTC", hour: "numeric", minute: "numeric" }).format(SAMPLE);
  for (const k of dateKeys()) {
    data.date[dateKey(k)] = pattern(locale, clean(k), data);
    const dateOnly = new Intl.DateTimeFormat(locale, { timeZone: "UTC", ...clean(k) }).format(SAMPLE);
    const both = new Intl.DateTimeFormat(locale, { timeZone: "UTC", ...clean(k), hour: "numeric", minute: "numeric" }).format(SAMPLE);
    const di = both.indexOf(dateOnly), ti = both.lastIndexOf(timeOnly);
    data.glue[dateKey(k)] = di >= 0 && ti >= 0
      ? (di < ti ? "{1}" + both.slice(di + dateOnly.length, ti) + "{0}" : "{0}" + both.slice(ti + timeOnly.length, di) + "{1}")
      : "{1}, {0}";
  }
  data.time = {};
  for (const k of timeKeys()) data.time[timeKey(k)] = pattern(locale, clean(k), data);
  data.styles = {};
  for (const ds of ["", "full", "long", "medium", "short"]) for (const ts of ["", "full", "long", "medium", "short"]) {
    if (!ds && !ts) continue;
    for (const hc of ["", "h12", "h23"]) {
      const o: any = clean({ dateStyle: ds, timeStyle: ts, hourCycle: hc });
      if (hc && !ts) continue;
      data.styles[[ds, ts, hc].join("|")] = pattern(locale, o, data);
    }
  }
  // Localized GMT: the format around the offset, and the minus sign it uses.
  const zone = (tz: string) => new Intl.DateTimeFormat(locale, { timeZone: tz, timeZoneName: "shortOffset" }).formatToParts(SAMPLE).find((p) => p.type === "timeZoneName")!.value;
  data.gmt = zone("UTC");
  data.gmtOffset = zone("America/New_York").replace("5", "{0}");
  data.gmtOffsetPlus = zone("Asia/Kolkata").replace("5:30", "{0}");

  // Numbers.
  const nparts = (v: number, o: any = {}) => new Intl.NumberFormat(locale, o).formatToParts(v);
  const part = (ps: any[], t: string) => ps.find((p) => p.type === t)?.value;
  const np = nparts(-12345678.5);
  data.number = { decimal: part(np, "decimal"), group: part(np, "group"), minus: part(np, "minusSign"), plus: part(nparts(1, { signDisplay: "always" }), "plusSign") };
  // Number patterns with {0} for the digits and ¤ for the currency: the currency's own spacing is added at run time.
  const affix = (v: number, o: any) => {
    const t = new Intl.NumberFormat(locale, o).formatToParts(v).map((p) =>
      ["integer", "group", "decimal", "fraction"].includes(p.type) ? "\0" : p.type === "currency" ? "¤" : p.type === "minusSign" ? "-" : p.type === "percentSign" ? "%" : p.value).join("");
    return t.replace(/\0+/, "{0}");
  };
  data.number.percent = affix(0.12, { style: "percent" });
  data.number.currency = affix(1234.5, { style: "currency", currency: "EUR" });
  data.number.currencyNegative = affix(-1234.5, { style: "currency", currency: "EUR" });
  data.number.accounting = affix(-1234.5, { style: "currency", currency: "EUR", currencySign: "accounting" });
  data.number.currencyCode = affix(1234.5, { style: "currency", currency: "EUR", currencyDisplay: "code" });
  data.number.currencyName = affix(1234.5, { style: "currency", currency: "EUR", currencyDisplay: "name" });
  data.number.signed = affix(1, { signDisplay: "always" });
  data.number.symbols = { EUR: {}, USD: {}, GBP: {}, JPY: {}, CAD: {}, AUD: {}, CHF: {}, CNY: {}, INR: {}, BRL: {}, MXN: {}, KRW: {} } as any;
  for (const c of Object.keys(data.number.symbols)) for (const cd of ["symbol", "narrowSymbol", "name"]) {
    const ps = new Intl.NumberFormat(locale, { style: "currency", currency: c, currencyDisplay: cd }).formatToParts(2);
    data.number.symbols[c][cd] = ps.find((p) => p.type === "currency")!.value;
  }
  const groups = new Intl.NumberFormat(locale).formatToParts(123456789).filter((p) => p.type === "integer").map((p) => p.value.length);
  data.number.primaryGroup = groups[groups.length - 1];
  data.number.secondaryGroup = groups.length > 2 ? groups[groups.length - 2] : groups[groups.length - 1];
  data.number.minGrouping = new Intl.NumberFormat(locale).format(1234) === "1234" ? 2 : 1;
  data.plural = { cardinal: pluralSamples(locale, "cardinal"), ordinal: pluralSamples(locale, "ordinal") };
  data.compact = {};
  for (const cd of ["short", "long"]) {
    const rows: any[] = [];
    for (let e = 3; e <= 14; e++) {
      const row: any = {};
      for (const [cat, n] of Object.entries(data.plural.cardinal)) {
        if ((n as number) >= 1000 || n === 0) continue;
        const ps = nparts((n as number) * 10 ** e, { notation: "compact", compactDisplay: cd });
        const tmpl = ps.map((p) => ["integer", "group", "decimal", "fraction"].includes(p.type) ? "\u0000" : p.value).join("").replace(/\0+/, "{0}");
        // How many integer digits the magnitude's pattern shows (1M, 10M, 100M), read from 10^e itself.
        const shown = nparts(10 ** e, { notation: "compact", compactDisplay: cd }).filter((p) => p.type === "integer" || p.type === "group").map((p) => p.value).join("");
        row[cat] = [tmpl, shown.replace(/\D/g, "").length];
      }
      rows.push(row);
    }
    data.compact[cd] = rows;
  }
  const units = ["kilometer", "meter", "centimeter", "millimeter", "mile", "foot", "inch", "kilogram", "gram", "pound", "ounce",
    "liter", "milliliter", "celsius", "fahrenheit", "percent", "millisecond", "second", "minute", "hour", "day", "week", "month", "year",
    "byte", "kilobyte", "megabyte", "gigabyte", "terabyte", "kilometer-per-hour", "mile-per-hour", "meter-per-second"];
  data.units = {};
  for (const u of units) for (const ud of ["short", "long", "narrow"]) {
    const row: any = {};
    for (const [cat, n] of Object.entries(data.plural.cardinal)) {
      const s = new Intl.NumberFormat(locale, { style: "unit", unit: u, unitDisplay: ud as any }).format(n as number);
      row[cat] = s.replace(new Intl.NumberFormat(locale).format(n as number), "{0}");
    }
    data.units[u + "|" + ud] = row;
  }
  data.relative = {};
  for (const st of ["long", "short", "narrow"]) for (const u of ["year", "quarter", "month", "week", "day", "hour", "minute", "second"]) {
    const rtf = new Intl.RelativeTimeFormat(locale, { style: st as any });
    const auto = new Intl.RelativeTimeFormat(locale, { style: st as any, numeric: "auto" });
    const row: any = { past: {}, future: {}, auto: {} };
    for (const [cat, n] of Object.entries(data.plural.cardinal)) {
      const num = new Intl.NumberFormat(locale).format(n as number);
      row.past[cat] = rtf.format(-n, u as any).replace(num, "{0}");
      row.future[cat] = rtf.format(n as number, u as any).replace(num, "{0}");
    }
    for (const v of [-2, -1, 0, 1, 2]) {
      const a = auto.format(v, u as any), plain = rtf.format(v, u as any);
      if (a !== plain) row.auto[v] = a;
    }
    data.relative[u + "|" + st] = row;
  }
  data.list = {};
  for (const type of ["conjunction", "disjunction", "unit"]) for (const st of ["long", "short", "narrow"]) {
    const lf = new Intl.ListFormat(locale, { type: type as any, style: st as any });
    const two = lf.format(["\u0001", "\u0002"]), three = lf.format(["\u0001", "\u0002", "\u0003"]), four = lf.format(["\u0001", "\u0002", "\u0003", "\u0004"]);
    const between = (s: string, a: string, b: string) => s.slice(s.indexOf(a) + 1, s.indexOf(b));
    data.list[type + "|" + st] = [between(two, "\u0001", "\u0002"), between(three, "\u0001", "\u0002"), between(four, "\u0002", "\u0003"), between(three, "\u0002", "\u0003")];
  }
  const nameTable: any = {};
  for (const k of ["weekdays", "months", "monthsStandalone", "dayPeriods", "eras", "hourCycle", "hourCycle12", "hourCycle24", "gmt", "gmtOffset", "gmtOffsetPlus"]) {
    nameTable[k] = data[k];
    delete data[k];
  }
  return { names: nameTable, ...data };
}

const out: any = {};
for (const l of LOCALES) out[l] = localeData(l);
console.log(JSON.stringify(out));
