// The Deno side of RealValsIT: runs every case of cases.json in one Deno process and writes what came out
// as JSON ({"<case id>": {"value": …} | {"error": {"name", "message"}}}) to the file named by the second
// argument. It picks exports and shapes answers the way the worker protocol does (runner/PROTOCOL.md, "run"),
// so that the two sides can be compared as they are.
//
//   deno run --no-remote --no-npm --no-config --no-lock --import-map=deno-import-map.json \
//       --allow-env --allow-read=<realvals> --allow-write=<out> deno-driver.ts <cases.json> <out.json>

const [casesPath, outPath] = Deno.args;
const spec = JSON.parse(await Deno.readTextFile(casesPath));
const base = new URL(".", "file://" + (casesPath.startsWith("/") ? casesPath : Deno.cwd() + "/" + casesPath));
for (const [key, value] of Object.entries(spec.env ?? {})) Deno.env.set(key, value as string);

const CASE_TIMEOUT_MS = 10_000;
const results: Record<string, unknown> = {};

function errorOf(e: unknown) {
  if (e && typeof e === "object" && "name" in e) {
    return { name: String((e as Error).name), message: String((e as Error).message ?? "") };
  }
  return { name: "Error", message: String(e) };
}

function json(value: unknown) {
  const text = JSON.stringify(value === undefined ? null : value);
  return text === undefined ? null : JSON.parse(text);
}

function firstFunction(mod: Record<string, unknown>) {
  if (typeof mod.default === "function") return mod.default as (...a: unknown[]) => unknown;
  for (const key of Object.keys(mod)) {
    if (typeof mod[key] === "function") return mod[key] as (...a: unknown[]) => unknown;
  }
  return null;
}

function moduleValue(mod: Record<string, unknown>) {
  const value: Record<string, unknown> = {};
  let any = false;
  for (const key of Object.keys(mod)) {
    if (typeof mod[key] !== "function") {
      value[key] = mod[key];
      any = true;
    }
  }
  return any ? json(value) : null;
}

async function run(mod: Record<string, unknown>, call: Record<string, any>) {
  if (call.kind === "module") return moduleValue(mod);
  if (call.kind === "function") {
    const fn = call.export ? mod[call.export] : firstFunction(mod);
    if (typeof fn !== "function") {
      if (call.export) return json(fn);
      const value = moduleValue(mod);
      const names = value === null ? [] : Object.keys(value);
      return names.length === 1 ? value[names[0]] : value;
    }
    return json(await (fn as (...a: unknown[]) => unknown)(...(call.args ?? [])));
  }
  if (call.kind === "http") {
    const r = call.request;
    const request = new Request(r.url, {
      method: r.method,
      headers: r.headers ?? [],
      body: r.body ?? null,
    });
    const def = mod.default as any;
    const handler = def && typeof def === "object" && typeof def.fetch === "function"
      ? (req: Request) => def.fetch(req)
      : firstFunction(mod);
    if (!handler) throw new TypeError("no handler exported");
    const response = await handler(request) as Response;
    const headers = [...response.headers];
    return { status: response.status, headers, body: await response.text() };
  }
  throw new Error("unknown call kind " + call.kind);
}

for (const c of spec.cases) {
  let timer: number | undefined;
  try {
    const work = (async () => {
      const mod = await import(new URL(c.val, base).href);
      return { value: await run(mod, c.call) };
    })();
    const timeout = new Promise((resolve) => {
      timer = setTimeout(() => resolve({ error: { name: "TimeoutError", message: "case did not settle" } }), CASE_TIMEOUT_MS);
    });
    results[c.id] = await Promise.race([work, timeout]);
  } catch (e) {
    results[c.id] = { error: errorOf(e) };
  } finally {
    clearTimeout(timer);
  }
}

await Deno.writeTextFile(outPath, JSON.stringify(results));
// Vals may leave timers behind (module state); the answers are written, so end here.
Deno.exit(0);
