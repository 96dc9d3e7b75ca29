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
