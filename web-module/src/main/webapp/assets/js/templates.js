// The code a new val starts with, one per type.
export const TEMPLATES = {
    http: `export default async function (req: Request): Promise<Response> {
  const name = new URL(req.url).searchParams.get("name") ?? "world";
  return new Response(\`Hello, \${name}!\`, { headers: { "Content-Type": "text/plain" } });
}
`,
    script: `export default function greet(name: string = "world"): string {
  console.log(\`greeting \${name}\`);
  return \`Hello, \${name}!\`;
}
`,
    express: `export default async function (req: express.Request, res: express.Response) {
  res.json({ path: req.path, query: req.query });
}
`,
    interval: `export default async function (interval: Interval) {
  console.log("Last run at", interval.lastRunAt);
}
`,
    email: `export default async function (email: Email) {
  console.log(\`Mail from \${email.from}: \${email.subject}\`);
}
`,
};

/**
 * Complete vals to start from, offered on the home page: one per kind of thing people build first. Each runs as it
 * is (the browser tests run every one of them).
 */
export const EXAMPLES = [
    {
        name: 'jsonApi',
        type: 'http',
        title: 'A JSON API',
        description: 'An HTTP endpoint on its own address, answering with JSON.',
        code: `export default async function (req: Request): Promise<Response> {
  const url = new URL(req.url);
  const body = { method: req.method, path: url.pathname, hello: url.searchParams.get("name") ?? "world" };
  return new Response(JSON.stringify(body), { headers: { "Content-Type": "application/json" } });
}
`,
    },
    {
        name: 'greet',
        type: 'script',
        title: 'A function to run',
        description: 'A script: run it here with arguments, or call it from your own scripts over the API.',
        code: TEMPLATES.script,
    },
    {
        name: 'visitCounter',
        type: 'script',
        title: 'Remember things in blob storage',
        description: 'Counts its runs in your blob storage, which every val of yours can read.',
        code: `import { blob } from "https://esm.town/v/std/blob";

export default async function visit(): Promise<string> {
  const count = ((await blob.getJSON("visitCounter")) ?? 0) + 1;
  await blob.setJSON("visitCounter", count);
  return \`Run number \${count}\`;
}
`,
    },
    {
        name: 'guestbook',
        type: 'script',
        title: 'A table in SQLite',
        description: 'Keeps a guestbook in your own SQLite database.',
        code: `import { sqlite } from "https://esm.town/v/std/sqlite";

export default async function sign(name: string = "a visitor"): Promise<string> {
  await sqlite.execute("CREATE TABLE IF NOT EXISTS guestbook (name TEXT NOT NULL, signed_at TEXT NOT NULL)");
  await sqlite.execute({ sql: "INSERT INTO guestbook VALUES (?, ?)", args: [name, new Date().toISOString()] });
  const { rows } = await sqlite.execute("SELECT count(*) AS signatures FROM guestbook");
  return \`\${name} signed; \${rows[0].signatures} signature(s) so far\`;
}
`,
    },
    {
        name: 'hourlyCheck',
        type: 'interval',
        title: 'Something every hour',
        description: 'An interval val: runs on its schedule, and with Run now.',
        code: `export default async function (interval: Interval) {
  console.log("Checking; the last run was at", interval.lastRunAt ?? "never");
}
`,
    },
    {
        name: 'inbox',
        type: 'email',
        title: 'Handle incoming mail',
        description: 'An email val: runs on every message sent to its own address.',
        code: `export default async function (email: Email) {
  console.log(\`Mail from \${email.from}: \${email.subject}\`);
}
`,
    },
];

/** A new interval val runs hourly, as a new cron val does in Val Town, until its author sets another schedule. */
export const DEFAULT_SCHEDULE = 'every 1 hours';

export const TYPES = [
    ['http', 'HTTP'],
    ['script', 'Script'],
    ['express', 'Express'],
    ['interval', 'Interval'],
    ['email', 'Email'],
];

export const PRIVACIES = [
    ['public', 'Public: anyone can see and find it'],
    ['unlisted', 'Unlisted: anyone with the link'],
    ['private', 'Private: only you'],
    ['legacy_private', 'Legacy private: endpoint needs your API token'],
];
