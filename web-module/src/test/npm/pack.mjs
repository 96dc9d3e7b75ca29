// Fetches, once, the real package tarballs NpmPackagesIT serves from its in-process registry: npm resolves
// package.json's exact versions and their dependencies into a lock (no install, no scripts), then packs every locked
// name@version. The registry is whatever npm on this machine is configured with. Writes OUT/registry.json, listing
// each tarball with the dependencies the lock records, which is all the test needs to answer as a registry.
//
// usage: node pack.mjs OUT
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const out = path.resolve(process.argv[2]);
const here = path.dirname(fileURLToPath(import.meta.url));
const npm = (args, cwd) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });

fs.mkdirSync(path.join(out, 'tarballs'), { recursive: true });
fs.copyFileSync(path.join(here, 'package.json'), path.join(out, 'package.json'));
npm(['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], out);

const lock = JSON.parse(fs.readFileSync(path.join(out, 'package-lock.json'), 'utf8'));
const locked = new Map();
for (const [where, entry] of Object.entries(lock.packages)) {
    if (!where.includes('node_modules/')) continue;
    const name = entry.name ?? where.slice(where.lastIndexOf('node_modules/') + 'node_modules/'.length);
    locked.set(`${name}@${entry.version}`, { name, version: entry.version, dependencies: entry.dependencies ?? {},
        peerDependencies: entry.peerDependencies ?? {}, optionalDependencies: entry.optionalDependencies ?? {} });
}
const packed = JSON.parse(npm(['pack', ...locked.keys(), '--json', '--ignore-scripts', '--loglevel=error',
    '--pack-destination', path.join(out, 'tarballs')], out));
const registry = packed.map((p) => ({ ...locked.get(`${p.name}@${p.version}`), file: p.filename }));
fs.writeFileSync(path.join(out, 'registry.json'), JSON.stringify(registry, null, 2));
console.log(`packed ${registry.length} packages into ${path.join(out, 'tarballs')}`);
