// Runs an Express val: turns the WHATWG Request into Val Town's documented subset of Express's req and res,
// and res's answer back into a Response. Compiled by the compiler worker like any val, so it gets the same
// deadline checks; the val itself is imported under the name "val".
import * as val from "val";

const MIME: Record<string, string> = {
  html: "text/html; charset=utf-8",
  text: "text/plain; charset=utf-8",
  json: "application/json; charset=utf-8",
  js: "text/javascript; charset=utf-8",
  css: "text/css; charset=utf-8",
  xml: "application/xml",
};

function handlerOf(mod: any): (req: any, res: any) => unknown {
  if (typeof mod.default === "function") return mod.default;
  for (const key of Object.keys(mod)) {
    if (typeof mod[key] === "function") return mod[key];
  }
  throw new TypeError("An Express val must export a function (req, res)");
}

function parseBody(type: string, text: string): unknown {
  if (type.indexOf("application/json") >= 0 && text) {
    try {
      return JSON.parse(text);
    } catch (e) {
      return text;
    }
  }
  if (type.indexOf("application/x-www-form-urlencoded") >= 0) {
    const form: Record<string, string> = {};
    new URLSearchParams(text).forEach((value, key) => (form[key] = value));
    return form;
  }
  return text;
}

export default async function express(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const text = await request.text();
  const query: Record<string, string> = {};
  url.searchParams.forEach((value, key) => (query[key] = value));
  const req = {
    method: request.method,
    query,
    body: parseBody(request.headers.get("content-type") || "", text),
    params: {},
    path: url.pathname,
    originalUrl: url.pathname + url.search,
    protocol: url.protocol.replace(":", ""),
    secure: url.protocol === "https:",
    get: (name: string) => request.headers.get(name) ?? undefined,
    header: (name: string) => request.headers.get(name) ?? undefined,
  };
  return new Promise<Response>((resolve, reject) => {
    let status = 200;
    let done = false;
    const headers = new Headers();
    const finish = (body?: any) => {
      if (!done) {
        done = true;
        resolve(new Response(body === undefined ? null : body, { status, headers }));
      }
    };
    const res: any = {
      status(code: number) {
        status = code;
        return res;
      },
      set(field: any, value?: unknown) {
        if (typeof field === "object") {
          for (const key of Object.keys(field)) headers.set(key, String(field[key]));
        } else {
          headers.set(field, String(value));
        }
        return res;
      },
      get: (field: string) => headers.get(field) ?? undefined,
      type(type: string) {
        headers.set("content-type", type.indexOf("/") >= 0 ? type : MIME[type] || "application/octet-stream");
        return res;
      },
      json(body: unknown) {
        if (!headers.has("content-type")) headers.set("content-type", MIME.json);
        finish(JSON.stringify(body));
        return res;
      },
      send(body?: unknown) {
        if (body !== null && typeof body === "object" && !(body instanceof Uint8Array) && !(body instanceof ArrayBuffer)) {
          return res.json(body);
        }
        if (typeof body === "string" && !headers.has("content-type")) headers.set("content-type", MIME.html);
        finish(body);
        return res;
      },
      redirect(first: number | string, second?: string) {
        status = typeof first === "number" ? first : 302;
        headers.set("location", typeof first === "number" ? String(second) : first);
        finish(null);
        return res;
      },
      end(body?: unknown) {
        finish(body);
        return res;
      },
    };
    try {
      Promise.resolve(handlerOf(val)(req, res)).catch(reject);
    } catch (e) {
      reject(e);
    }
  });
}
