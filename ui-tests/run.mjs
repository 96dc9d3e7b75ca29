// Runs the browser tests against a fresh Valbox: starts bin/valbox on a free port with an empty data directory,
// waits until it is ready and its TypeScript compiler is warm, runs tests/*.test.mjs with node's test runner in a real
// headless Chromium (the Debian package, never a downloaded browser), then stops the server.
//
//   node run.mjs [--out DIR] [--only TEXT]
//       DIR (default ../web-module/target/ui-tests) gets the server log, failure screenshots and, with
//       UI_SCREENSHOTS=DIR2, page screenshots in DIR2. --only runs the test files whose names hold TEXT.
// Exits non-zero if Chromium is missing, the server does not start, or any test fails.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const argv = process.argv.slice(2);
const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : null;
const out = path.resolve(argv.includes('--out') ? argv[argv.indexOf('--out') + 1] : path.join(root, 'web-module/target/ui-tests'));
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const started = Date.now();

function fail(message) {
    console.error(`ui-tests: ${message}`);
    writeSummary(message);
    process.exit(1);
}

/**
 * What failed, in a few lines, into DIR/summary.txt: the Maven build puts it in its closing failure message, which is
 * all a CI log keeps when the test output scrolled away.
 */
function writeSummary(text) {
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(path.join(out, 'summary.txt'), text);
}

/** Each failed test with the first line of its error, from the spec report's "failing tests" section. */
function failedTests(report) {
    const section = report.split('✖ failing tests:')[1] ?? '';
    const lines = section.split('\n');
    return lines.flatMap((line, i) => (line.startsWith('✖ ') ? [`${line.slice(2)}: ${(lines[i + 1] ?? '').trim()}`] : []));
}

if (!fs.existsSync(chromiumPath)) {
    fail(`${chromiumPath} is missing. Install the Debian packages chromium and chromium-driver (.ci/run does).`);
}
if (!fs.existsSync(path.join(root, 'web-module/target/valbox.war'))) {
    fail('web-module/target/valbox.war is missing: build it first (mvn -B -q install -DskipTests -pl runner,ejb-module,web-module -am).');
}

fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(path.join(out, 'data'), { recursive: true });

const port = await freePort();
const base = `http://localhost:${port}`;
const log = fs.openSync(path.join(out, 'server.log'), 'w');
// Its own process group, so that stopping it also stops the runner workers it started.
const server = spawn(path.join(root, 'bin/valbox'), ['run', '--port', String(port), '--data', path.join(out, 'data')], {
    cwd: root,
    detached: true,
    stdio: ['ignore', log, log],
    // Inbound mail on a free port too: the default 2525 may be taken by another server on the machine.
    env: { ...process.env, VALBOX_SITE_URL: base, VALBOX_EMAIL_SMTP_PORT: String(await freePort()), VALBOX_JAVA_OPTS: process.env.VALBOX_JAVA_OPTS ?? '-Xmx768m' },
});
let serverExited = false;
server.on('exit', () => (serverExited = true));

function stopServer() {
    if (serverExited) return Promise.resolve();
    return new Promise((resolve) => {
        server.once('exit', resolve);
        try {
            process.kill(-server.pid, 'SIGTERM');
        } catch {
            resolve();
        }
        setTimeout(() => {
            try {
                process.kill(-server.pid, 'SIGKILL');
            } catch {
                // already gone
            }
        }, 20_000).unref();
    });
}
for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, async () => {
        await stopServer();
        process.exit(130);
    });
}

let code = 1;
const report = path.join(out, 'report.txt');
try {
    await waitUntilReady();
    console.log(`ui-tests: Valbox is up at ${base} after ${seconds(started)} s`);
    await warmUp();
    console.log(`ui-tests: compiler warm after ${seconds(started)} s; running the browser tests`);
    const files = fs.readdirSync(path.join(here, 'tests')).filter((f) => f.endsWith('.test.mjs') && (!only || f.includes(only))).sort().map((f) => path.join(here, 'tests', f));
    code = await new Promise((resolve) => {
        const reporters = ['--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=spec', `--test-reporter-destination=${report}`];
        const tests = spawn(process.execPath, ['--test', '--test-concurrency=1', ...reporters, ...files], {
            cwd: here,
            stdio: 'inherit',
            env: { ...process.env, VALBOX_URL: base, UI_OUT: out, CHROMIUM_PATH: chromiumPath },
        });
        tests.on('exit', (status) => resolve(status ?? 1));
    });
    if (code !== 0) {
        const failed = fs.existsSync(report) ? failedTests(fs.readFileSync(report, 'utf8')) : [];
        writeSummary(failed.length ? failed.join('\n') : `the test runner exited with ${code}; see ${report}`);
    }
} catch (error) {
    console.error(`ui-tests: ${error.message}`);
    writeSummary(error.message);
    const text = fs.readFileSync(path.join(out, 'server.log'), 'utf8');
    console.error(`--- last lines of ${path.join(out, 'server.log')} ---\n${text.split('\n').slice(-40).join('\n')}`);
} finally {
    await stopServer();
}
console.log(`ui-tests: ${code === 0 ? 'passed' : 'FAILED'} in ${seconds(started)} s (server start included)`);
process.exit(code);

function seconds(since) {
    return Math.round((Date.now() - since) / 1000);
}

function freePort() {
    return new Promise((resolve, reject) => {
        const probe = net.createServer();
        probe.on('error', reject);
        probe.listen(0, '127.0.0.1', () => {
            const { port } = probe.address();
            probe.close(() => resolve(port));
        });
    });
}

async function waitUntilReady() {
    const deadline = Date.now() + 300_000;
    while (Date.now() < deadline) {
        if (serverExited) throw new Error('the server exited while starting');
        try {
            const response = await fetch(`${base}/health/ready`);
            if (response.ok) return;
        } catch {
            // not listening yet
        }
        await new Promise((r) => setTimeout(r, 1000));
    }
    throw new Error('the server was not ready within 300 s');
}

/** The first save of a fresh server waits for the TypeScript compiler; do it once here, not in the first test. */
async function warmUp() {
    const username = `warmup${Date.now().toString(36)}`;
    const json = { 'Content-Type': 'application/json' };
    const signup = await fetch(`${base}/v1/signup`, { method: 'POST', headers: json, body: JSON.stringify({ username, email: `${username}@example.com`, password: 'warm up the compiler' }) });
    if (!signup.ok) throw new Error(`warm-up signup answered ${signup.status}: ${await signup.text()}`);
    const { token } = await signup.json();
    const created = await fetch(`${base}/v1/vals`, {
        method: 'POST',
        headers: { ...json, Authorization: `Bearer ${token}` },
        body: JSON.stringify({ name: 'warmup', type: 'script', code: 'export default (n: number): number => n + 1;' }),
        signal: AbortSignal.timeout(300_000),
    });
    if (!created.ok) throw new Error(`warm-up save answered ${created.status}: ${await created.text()}`);
    const run = await fetch(`${base}/v1/run/${username}.warmup`, { method: 'POST', headers: { ...json, Authorization: `Bearer ${token}` }, body: '{"args":[1]}', signal: AbortSignal.timeout(300_000) });
    if (!run.ok) throw new Error(`warm-up run answered ${run.status}: ${await run.text()}`);
}
