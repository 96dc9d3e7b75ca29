import { all, api, enc, get, parse, put, send, serverConfig, session } from '../api.js';
import { append, copyButton, field, fill, h, link, select, status } from '../dom.js';
import { lineDiff } from '../diff.js';
import { createEditor } from '../editor.js';
import { inputKind, parameters } from '../signature.js';
import { when } from '../format.js';
import { PRIVACIES } from '../templates.js';
import { evaluationList, evaluationDetails } from './evaluations.js';

const SCOPES = ['val:read', 'val:write', 'user:read', 'user:write', 'blob:read', 'blob:write', 'sqlite:read', 'sqlite:write', 'email:read', 'email:write'];
/** SPEC §2: a val's token has every scope but val:write and user:write unless its author chooses otherwise. */
const DEFAULT_VAL_SCOPES = SCOPES.filter((s) => s !== 'val:write' && s !== 'user:write');
const RUNNABLE = new Set(['script', 'rpc']);

/** /u/{user}/{val}: the editor for its author, a read-only page for everyone else who may see it. */
export async function valPage(ctx) {
    const [username, name] = ctx.params;
    let val = await get(`/v1/alias/${enc(username)}/${enc(name)}`);
    const me = session.user();
    const isAuthor = Boolean(me && val.author && me.id === val.author.id);
    if (isAuthor) val = await get(`/v1/vals/${enc(val.id)}`);
    const config = await serverConfig();
    ctx.title(`${val.author.username}/${val.name}`);
    return new ValView(ctx, val, isAuthor, config).draw();
}

class ValView {
    constructor(ctx, val, isAuthor, config) {
        this.ctx = ctx;
        this.val = val;
        this.isAuthor = isAuthor;
        this.config = config;
        this.saved = val.code;
        this.timers = [];
    }

    draw() {
        const val = this.val;
        this.versionBadge = h('span', { class: 'badge', id: 'val-version' }, `v${val.version}`);
        this.saveStatus = status();
        this.saveStatus.id = 'save-status';
        this.errors = h('ul', { class: 'compile-errors', id: 'compile-errors' });
        this.packages = h('section', { class: 'card', id: 'packages' });
        const editorBox = h('div', { class: 'editor', id: 'editor' });

        const side = [
            RUNNABLE.has(val.type) && this.runPanel(),
            (val.type === 'interval' || val.schedule) && this.schedulePanel(),
            (val.type === 'http' || val.type === 'express') && this.endpointPanel(),
            val.type === 'email' && this.emailPanel(),
            this.isAuthor && this.evaluationsSection(),
        ].filter(Boolean);
        const code = h(
            'div',
            { class: 'workspace-code' },
            this.isAuthor &&
                h(
                    'div',
                    { class: 'toolbar' },
                    h('button', { type: 'button', id: 'save', onclick: () => this.save() }, 'Save'),
                    h('span', { class: 'muted small', id: 'keys-hint' }, this.keysHint()),
                    this.saveStatus,
                ),
            editorBox,
            this.errors,
            this.packages,
        );
        fill(
            this.ctx.view,
            h(
                'div',
                { class: 'heading' },
                h('h1', {}, link(`/u/${enc(val.author.username)}`, val.author.username), ' / ', h('span', { id: 'val-name' }, val.name)),
                h('span', { class: 'badge', id: 'val-type' }, val.type),
                this.isAuthor ? this.privacySelector() : h('span', { class: `badge privacy-${val.privacy}`, id: 'val-privacy' }, val.privacy),
                this.versionBadge,
                !this.isAuthor && session.user() && this.forkButton(),
            ),
            side.length
                ? h('div', { class: 'workspace', id: 'workspace' }, code, workspaceSplitter(), h('div', { class: 'workspace-side' }, side))
                : code,
            this.versionsSection(),
            this.isAuthor && this.scopesSection(),
            this.isAuthor && this.dangerSection(),
        );

        this.editor = createEditor(editorBox, {
            code: val.code,
            label: `Code of ${val.author.username}/${val.name}`,
            readOnly: !this.isAuthor,
            onSave: () => this.save(),
            onRun: () => this.run(),
            onChange: () => this.markDirty(),
        });
        this.showCompileErrors(val.compileErrors);
        this.showPackages(val.packages);

        // Ctrl/Cmd+S and Ctrl/Cmd+Enter work anywhere on the page, not only inside the editor.
        const keys = (event) => {
            // The editor handles its own keys (and marks them handled); this is for focus anywhere else.
            if (event.defaultPrevented || !(event.ctrlKey || event.metaKey)) return;
            if (event.key === 's' || event.key === 'S') {
                event.preventDefault();
                this.save();
            } else if (event.key === 'Enter') {
                event.preventDefault();
                this.run();
            }
        };
        document.addEventListener('keydown', keys);
        const unsaved = (event) => {
            if (this.dirty()) event.preventDefault();
        };
        window.addEventListener('beforeunload', unsaved);
        return () => {
            document.removeEventListener('keydown', keys);
            window.removeEventListener('beforeunload', unsaved);
            this.evaluations?.stop();
            this.timers.forEach(clearTimeout);
        };
    }

    /** Copies this version of someone else's val into a new private val of the signed-in user's, and opens it. */
    forkButton() {
        const message = status();
        const fork = async () => {
            const me = session.user();
            const val = this.val;
            message.show('Forking…', 'busy');
            try {
                const copy = await api('POST', '/v1/vals', {
                    name: val.name,
                    type: val.type,
                    code: val.code,
                    privacy: 'private',
                    ...(val.readme ? { readme: val.readme } : {}),
                    ...(val.schedule ? { schedule: val.schedule } : {}),
                });
                this.ctx.navigate(`/u/${enc(me.username)}/${enc(copy.name)}`);
            } catch (error) {
                message.show(error.message, 'error');
            }
        };
        message.id = 'fork-status';
        return h('span', { class: 'row' }, h('button', { type: 'button', id: 'fork', onclick: fork }, 'Fork'), message);
    }

    dirty() {
        return this.isAuthor && this.editor && this.editor.value !== this.saved;
    }

    markDirty() {
        if (this.dirty()) this.saveStatus.show('Unsaved changes', 'muted');
        else this.saveStatus.clear();
    }

    /** Says what the shortcuts do for this val, and only the ones that do something. */
    keysHint() {
        const runs = {
            script: 'runs it',
            rpc: 'runs it',
            interval: 'runs it now',
            http: 'reloads the preview',
            express: 'reloads the preview',
        }[this.val.type];
        return runs ? `Ctrl/Cmd+S saves, Ctrl/Cmd+Enter ${runs}` : 'Ctrl/Cmd+S saves';
    }

    privacySelector() {
        const choice = select('privacy', PRIVACIES, this.val.privacy);
        choice.id = 'privacy';
        choice.setAttribute('aria-label', 'Privacy');
        choice.addEventListener('change', async () => {
            const opens = (privacy) => privacy === 'public' || privacy === 'unlisted';
            if (opens(choice.value) && !opens(this.val.privacy)) {
                const who = choice.value === 'public' ? 'everyone, and lists it on your profile and in search' : 'anyone who has its link';
                if (!confirm(`Make ${this.val.name} ${choice.value}? Its code and its versions become readable by ${who}.`)) {
                    choice.value = this.val.privacy;
                    return;
                }
            }
            try {
                await put(`/v1/vals/${enc(this.val.id)}`, { privacy: choice.value });
                this.val.privacy = choice.value;
                this.saveStatus.show(`Privacy is now ${choice.value}`);
            } catch (error) {
                choice.value = this.val.privacy;
                this.saveStatus.show(error.message, 'error');
            }
        });
        return choice;
    }

    async save() {
        if (!this.isAuthor || this.saving) return this.saving;
        this.saving = (async () => {
            const code = this.editor.value;
            this.saveStatus.show('Saving…', 'busy');
            try {
                const saved = await api('POST', `/v1/vals/${enc(this.val.id)}/versions`, { code });
                this.saved = code;
                this.val.version = saved.version;
                this.versionBadge.textContent = `v${saved.version}`;
                const errors = saved.compileErrors ?? [];
                this.showCompileErrors(errors);
                this.showPackages(saved.packages);
                this.saveStatus.show(
                    errors.length ? `Saved v${saved.version} with ${errors.length} compile error${errors.length > 1 ? 's' : ''}` : `Saved v${saved.version}`,
                    errors.length ? 'error' : 'ok',
                );
                this.reloadPreview();
                if (this.parameterForm) this.showParameters(code);
                this.refreshVersions?.();
            } catch (error) {
                this.saveStatus.show(`Not saved: ${error.message}`, 'error');
            }
        })();
        try {
            await this.saving;
        } finally {
            this.saving = null;
        }
    }

    showCompileErrors(errors) {
        const list = errors ?? [];
        this.editor?.markErrors(list);
        fill(
            this.errors,
            list.map((e) =>
                h(
                    'li',
                    {},
                    h('button', { type: 'button', class: 'linklike', onclick: () => this.editor.goTo(e.line, e.column) }, `Line ${e.line}, column ${e.column}`),
                    ': ',
                    e.message,
                ),
            ),
        );
    }

    /** The npm packages this version's imports resolved to when it was saved, and their pinned versions. */
    showPackages(packages) {
        const names = Object.keys(packages ?? {});
        this.packages.hidden = names.length === 0;
        fill(
            this.packages,
            h('h2', {}, 'Packages'),
            h('p', { class: 'muted small' }, `Pinned when v${this.val.version} was saved${this.isAuthor ? '; save again to pick newer versions' : ''}.`),
            h(
                'ul',
                { class: 'packages', id: 'package-list' },
                names.map((name) => h('li', {}, h('code', {}, name), ' ', h('span', { class: 'badge' }, packages[name]))),
            ),
        );
    }

    // --- Running a script val ---------------------------------------------------------------------------------

    runPanel() {
        this.args = h('input', { id: 'run-args', name: 'args', placeholder: '["world"]', spellcheck: 'false', class: 'code' });
        this.runStatus = status();
        this.runOutput = h('div', { class: 'run-output', id: 'run-output' });
        this.parameterForm = h('div', { id: 'parameters' });
        this.showParameters(this.val.code);
        return h(
            'section',
            { class: 'card', id: 'run-panel' },
            h('h2', {}, 'Run'),
            h(
                'form',
                { onsubmit: (event) => (event.preventDefault(), this.run()) },
                this.parameterForm,
                h('div', { class: 'row' }, field('Arguments (a JSON array)', this.args), h('button', { type: 'submit', id: 'run' }, 'Run')),
            ),
            this.runStatus,
            this.runOutput,
        );
    }

    /**
     * A field per parameter of the default export, read from its signature (names and types, as saved): filling them
     * writes the JSON arguments, which stay editable for anything the form cannot say.
     */
    showParameters(code) {
        const params = parameters(code);
        if (!params.length) {
            fill(this.parameterForm);
            return;
        }
        const inputs = params.map((param) => {
            const kind = inputKind(param.type);
            return h('input', {
                id: `param-${param.name.replace(/\W+/g, '-')}`,
                name: param.name,
                type: kind === 'json' ? 'text' : kind,
                class: kind === 'json' ? 'code' : undefined,
                spellcheck: 'false',
                placeholder: kind === 'json' ? (param.rest ? 'a JSON array' : 'JSON') : undefined,
                oninput: () => this.writeArguments(params, inputs),
                onchange: () => this.writeArguments(params, inputs),
            });
        });
        const rows = params.map((param, i) => {
            const label = `${param.rest ? '...' : ''}${param.name}${param.optional ? ' (optional)' : ''}`;
            return inputKind(param.type) === 'checkbox'
                ? h('label', { class: 'check' }, inputs[i], label)
                : field(label, inputs[i], param.type === 'unknown' ? undefined : param.type);
        });
        fill(this.parameterForm, h('fieldset', { class: 'parameters' }, h('legend', {}, 'Parameters'), rows));
    }

    writeArguments(params, inputs) {
        const values = [];
        params.forEach((param, i) => {
            const input = inputs[i];
            const kind = inputKind(param.type);
            let value;
            if (kind === 'checkbox') value = input.checked ? true : param.optional ? undefined : false;
            else if (input.value === '') value = undefined;
            else if (kind === 'number') value = Number(input.value);
            else if (kind === 'text') value = input.value;
            else {
                try {
                    value = JSON.parse(input.value);
                } catch {
                    value = input.value;
                }
            }
            if (param.rest) values.push(...(Array.isArray(value) ? value : value === undefined ? [] : [value]));
            else values.push(value);
        });
        while (values.length && values[values.length - 1] === undefined) values.pop();
        this.args.value = JSON.stringify(values.map((v) => (v === undefined ? null : v)));
    }

    async run() {
        if (this.val.type === 'interval' && this.isAuthor) return this.runNow();
        if (!RUNNABLE.has(this.val.type)) {
            this.reloadPreview();
            return;
        }
        let args = [];
        const text = this.args.value.trim();
        if (text) {
            try {
                args = JSON.parse(text);
            } catch {
                this.runStatus.show('Arguments must be JSON, for example ["world", 42]', 'error');
                return;
            }
            if (!Array.isArray(args)) args = [args];
        }
        if (this.running) return;
        this.running = true;
        if (this.dirty()) await this.save();
        this.runStatus.show('Running…', 'busy');
        fill(this.runOutput);
        // The run answers only when it ends; meanwhile the evaluations list shows it running, with Cancel.
        this.timers.push(setTimeout(() => this.evaluations?.refresh(), 800));
        try {
            const response = await send('POST', `/v1/run/${enc(this.val.author.username)}.${enc(this.val.name)}`, { args });
            const body = await parse(response);
            const evaluationId = response.headers.get('X-Valbox-Evaluation');
            if (response.ok) {
                this.runStatus.show('Finished', 'ok');
                append(this.runOutput, h('h3', {}, 'Result'), h('pre', { class: 'code', id: 'run-result' }, JSON.stringify(body, null, 2)));
            } else {
                this.runStatus.show('The run failed', 'error');
                append(this.runOutput, h('pre', { class: 'code error', id: 'run-error' }, body?.error ?? body?.detail ?? JSON.stringify(body)));
            }
            if (evaluationId) {
                try {
                    const evaluation = await get(`/v1/evaluations/${enc(evaluationId)}`);
                    append(this.runOutput, h('h3', {}, 'Logs'), evaluationDetails(evaluation));
                } catch {
                    // Only the user whose run it is may read its evaluation; anyone else sees just the result.
                }
            }
            this.evaluations?.refresh();
        } catch (error) {
            this.runStatus.show(error.message, 'error');
        } finally {
            this.running = false;
        }
    }

    // --- Interval vals: the schedule, its next run, Run now ------------------------------------------------------

    schedulePanel() {
        const runs = this.val.type === 'interval';
        this.nextRun = h('span', { id: 'next-run' });
        this.lastRun = h('span', { id: 'last-run' });
        this.showTimes();
        const times = h('p', { class: 'muted' }, 'Next run: ', this.nextRun, ' · Last run: ', this.lastRun, ' (UTC)');
        if (!this.isAuthor) {
            return h('section', { class: 'card', id: 'schedule-panel' }, h('h2', {}, 'Schedule'), h('p', {}, h('code', { id: 'schedule-text' }, this.val.schedule ?? 'none')), runs && times);
        }
        this.schedule = h('input', { id: 'schedule', name: 'schedule', value: this.val.schedule ?? '', placeholder: '*/15 * * * *  or  every 2 hours', spellcheck: 'false', class: 'code' });
        this.scheduleStatus = status();
        this.scheduleStatus.id = 'schedule-status';
        if (runs) {
            this.runStatus = status();
            this.runOutput = h('div', { class: 'run-output', id: 'run-output' });
        }
        return h(
            'section',
            { class: 'card', id: 'schedule-panel' },
            h('h2', {}, 'Schedule'),
            h(
                'form',
                { class: 'row', id: 'schedule-form', onsubmit: (event) => (event.preventDefault(), this.saveSchedule()) },
                field('Cron expression in UTC, or every N minutes / every N hours', this.schedule),
                h('button', { type: 'submit', class: 'secondary', id: 'save-schedule' }, 'Save schedule'),
                runs && h('button', { type: 'button', id: 'run-now', onclick: () => this.runNow() }, 'Run now'),
            ),
            this.scheduleStatus,
            runs ? times : h('p', { class: 'muted' }, `Kept for later: only interval vals run on a schedule, and this is a ${this.val.type} val.`),
            runs && this.runStatus,
            runs && this.runOutput,
        );
    }

    showTimes() {
        const at = (iso) => (iso ? new Date(iso).toISOString().replace('T', ' ').replace(/:\d\d\.\d+Z$|:\d\dZ$/, '') : '—');
        this.nextRun.textContent = this.val.nextRunAt ? at(this.val.nextRunAt) : this.val.schedule ? '—' : 'no schedule yet';
        this.lastRun.textContent = at(this.val.lastRunAt);
    }

    async refreshTimes() {
        const fresh = await get(`/v1/vals/${enc(this.val.id)}`);
        Object.assign(this.val, { schedule: fresh.schedule, nextRunAt: fresh.nextRunAt, lastRunAt: fresh.lastRunAt });
        this.showTimes();
    }

    async saveSchedule() {
        const schedule = this.schedule.value.trim();
        try {
            await put(`/v1/vals/${enc(this.val.id)}`, { schedule });
            await this.refreshTimes();
            this.scheduleStatus.show(schedule ? 'Schedule saved' : 'Schedule removed', 'ok');
        } catch (error) {
            this.scheduleStatus.show(error.message, 'error');
        }
    }

    /** Runs it now as its schedule would (trigger interval, with lastRunAt); it counts as its last run. */
    async runNow() {
        if (this.running) return;
        this.running = true;
        if (this.dirty()) await this.save();
        this.runStatus.show('Running…', 'busy');
        fill(this.runOutput);
        this.timers.push(setTimeout(() => this.evaluations?.refresh(), 800));
        try {
            const response = await send('POST', `/v1/vals/${enc(this.val.id)}/run`);
            const body = await parse(response);
            if (response.ok) {
                this.runStatus.show('Finished', 'ok');
                append(this.runOutput, h('h3', {}, 'Result'), h('pre', { class: 'code', id: 'run-result' }, JSON.stringify(body, null, 2)));
            } else {
                this.runStatus.show('The run failed', 'error');
                append(this.runOutput, h('pre', { class: 'code error', id: 'run-error' }, body?.error ?? body?.detail ?? JSON.stringify(body)));
            }
            await this.refreshTimes();
            this.evaluations?.refresh();
        } catch (error) {
            this.runStatus.show(error.message, 'error');
        } finally {
            this.running = false;
        }
    }

    // --- HTTP and Express vals: the endpoint and its preview -----------------------------------------------------

    endpointUrl() {
        const kind = this.val.type === 'express' ? 'express' : 'web';
        const port = location.port ? `:${location.port}` : '';
        const label = `${this.val.author.username}-${this.val.name}`.toLowerCase();
        return `${location.protocol}//${label}.${kind}.${this.config.runDomain}${port}/`;
    }

    endpointPanel() {
        const url = this.endpointUrl();
        // The preview runs on the run domain, in a sandboxed frame: never the site's origin, never its cookies.
        this.preview = h('iframe', { id: 'preview', title: 'Preview', sandbox: 'allow-scripts allow-forms', referrerpolicy: 'no-referrer', src: url });
        // Each load of the preview is a run of the val: show its evaluation.
        this.preview.addEventListener('load', () => this.evaluations?.refresh());
        return h(
            'section',
            { class: 'card', id: 'endpoint-panel' },
            h('h2', {}, 'Endpoint'),
            h(
                'p',
                { class: 'row' },
                h('code', { id: 'endpoint-url', class: 'url' }, url),
                copyButton(url),
                h('a', { href: url, target: '_blank', rel: 'noopener noreferrer', id: 'open-endpoint', class: 'button secondary small' }, 'Open'),
                h('button', { type: 'button', class: 'secondary small', id: 'reload-preview', onclick: () => this.reloadPreview() }, 'Reload preview'),
            ),
            this.val.privacy === 'legacy_private' && h('p', { class: 'muted' }, 'Legacy private: the endpoint answers only requests with your API token, so the preview shows 401.'),
            this.preview,
        );
    }

    reloadPreview() {
        if (this.preview) this.preview.src = `${this.endpointUrl()}?preview=${Date.now()}`;
    }

    // --- Email vals: the address that runs them ------------------------------------------------------------------

    emailPanel() {
        const domain = this.config.emailDomain;
        const address = domain && `${this.val.author.username}.${this.val.name}@${domain}`;
        return h(
            'section',
            { class: 'card', id: 'email-panel' },
            h('h2', {}, 'Email address'),
            address
                ? h('p', { class: 'row' }, h('code', { id: 'email-address', class: 'url' }, address), copyButton(address))
                : h('p', { class: 'muted', id: 'email-off' }, 'This server takes no mail, so this val does not run by itself.'),
            address &&
                h(
                    'p',
                    { class: 'muted' },
                    'Mail to this address runs the default export with {from, to, cc, subject, text, html, attachments}. Anyone can send to it, whatever the privacy; the sender is not verified.',
                ),
        );
    }

    // --- Evaluations, versions, val token, delete ----------------------------------------------------------------

    evaluationsSection() {
        this.evaluations = evaluationList(this.val);
        return h('section', { class: 'card', id: 'evaluations' }, h('h2', {}, 'Evaluations'), this.evaluations.element);
    }

    versionsSection() {
        const list = h('ul', { class: 'versions', id: 'versions' });
        const from = h('select', { id: 'diff-from', 'aria-label': 'Diff from version' });
        const to = h('select', { id: 'diff-to', 'aria-label': 'Diff to version' });
        const output = h('div', { class: 'diff', id: 'diff' });
        const codes = new Map();
        const code = async (version) => {
            if (!codes.has(version)) codes.set(version, (await get(`/v1/vals/${enc(this.val.id)}/versions/${version}`)).code);
            return codes.get(version);
        };
        const showDiff = async () => {
            if (from.value === '' || to.value === '') return;
            try {
                const [a, b] = await Promise.all([code(from.value), code(to.value)]);
                fill(output, renderDiff(lineDiff(a, b)));
            } catch (error) {
                fill(output, h('p', { class: 'status error' }, error.message));
            }
        };
        from.addEventListener('change', showDiff);
        to.addEventListener('change', showDiff);
        this.refreshVersions = async () => {
            const versions = await all(`/v1/vals/${enc(this.val.id)}/versions`);
            fill(list, versions.map((v) => h('li', {}, h('span', { class: 'badge' }, `v${v.version}`), ' ', when(v.createdAt))));
            const options = versions.map((v) => [String(v.version), `v${v.version}`]);
            fill(from, options.map(([value, text]) => h('option', { value }, text)));
            fill(to, options.map(([value, text]) => h('option', { value }, text)));
            if (versions.length > 1) {
                from.value = String(versions[1].version);
                to.value = String(versions[0].version);
                await showDiff();
            } else {
                fill(output, h('p', { class: 'muted' }, 'Only one version so far: save again to compare.'));
            }
        };
        this.refreshVersions().catch((error) => fill(list, h('li', { class: 'status error' }, error.message)));
        return h(
            'section',
            { class: 'card', id: 'versions-section' },
            h('h2', {}, 'Versions'),
            list,
            h('div', { class: 'row' }, h('span', {}, 'Compare'), from, h('span', {}, 'with'), to),
            output,
        );
    }

    scopesSection() {
        const current = new Set(Array.isArray(this.val.scopes) ? this.val.scopes : DEFAULT_VAL_SCOPES);
        const boxes = SCOPES.map((scope) => h('input', { type: 'checkbox', name: 'scope', value: scope, checked: current.has(scope), id: `scope-${scope.replace(':', '-')}` }));
        const message = status();
        const form = h(
            'form',
            { id: 'scopes-form' },
            h('div', { class: 'scopes' }, boxes.map((box) => h('label', { class: 'check' }, box, ' ', box.value))),
            h('button', { type: 'submit', class: 'secondary' }, 'Save scopes'),
            message,
        );
        form.addEventListener('submit', async (event) => {
            event.preventDefault();
            const scopes = boxes.filter((b) => b.checked).map((b) => b.value);
            try {
                await put(`/v1/vals/${enc(this.val.id)}`, { scopes });
                this.val.scopes = scopes;
                message.show('Scopes saved');
            } catch (error) {
                message.show(error.message, 'error');
            }
        });
        return h(
            'section',
            { class: 'card', id: 'val-token' },
            h('h2', {}, 'Val token'),
            h('p', { class: 'muted' }, 'Every run gets a fresh token in Deno.env.get("valtown") with these scopes (never more than yours).'),
            form,
        );
    }

    dangerSection() {
        const message = status();
        const remove = async () => {
            if (!confirm(`Delete ${this.val.name} and all its versions?`)) return;
            try {
                await api('DELETE', `/v1/vals/${enc(this.val.id)}`);
                this.saved = this.editor.value;
                this.ctx.navigate('/');
            } catch (error) {
                message.show(error.message, 'error');
            }
        };
        return h('section', { class: 'card danger' }, h('h2', {}, 'Delete'), h('button', { type: 'button', class: 'danger', id: 'delete-val', onclick: remove }, 'Delete this val'), message);
    }
}

function renderDiff(lines) {
    if (lines.every((line) => line.op === ' ')) return h('p', { class: 'muted' }, 'No differences.');
    return h(
        'table',
        { class: 'diff-lines' },
        h(
            'tbody',
            {},
            lines.map((line) =>
                h(
                    'tr',
                    { class: line.op === '+' ? 'added' : line.op === '-' ? 'removed' : 'same' },
                    h('td', { class: 'ln' }, line.a ?? ''),
                    h('td', { class: 'ln' }, line.b ?? ''),
                    h('td', { class: 'op' }, line.op),
                    h('td', { class: 'text' }, line.text),
                ),
            ),
        ),
    );
}

/**
 * The bar between the editor and the panels beside it on a wide screen: drag it, or focus it and use the arrow keys.
 * The split is kept for the next val page.
 */
function workspaceSplitter() {
    const KEY = 'valbox.workspace.code-percent';
    const bar = h('div', {
        class: 'splitter',
        id: 'workspace-splitter',
        role: 'separator',
        tabindex: '0',
        'aria-orientation': 'vertical',
        'aria-label': 'Resize the editor',
        'aria-valuemin': '25',
        'aria-valuemax': '75',
    });
    const apply = (percent) => {
        const clamped = Math.round(Math.min(75, Math.max(25, percent)));
        bar.setAttribute('aria-valuenow', String(clamped));
        bar.parentElement?.style.setProperty('--code-width', `${clamped}%`);
        try {
            localStorage.setItem(KEY, String(clamped));
        } catch {
            // storage may be off; the split then lasts for this page only
        }
        return clamped;
    };
    let percent = Number(localStorage.getItem(KEY)) || 55;
    bar.setAttribute('aria-valuenow', String(percent));
    queueMicrotask(() => (percent = apply(percent)));
    bar.addEventListener('keydown', (event) => {
        const step = { ArrowLeft: -5, ArrowRight: 5, Home: -100, End: 100 }[event.key];
        if (step === undefined) return;
        event.preventDefault();
        percent = apply(percent + step);
    });
    bar.addEventListener('pointerdown', (event) => {
        const box = bar.parentElement.getBoundingClientRect();
        bar.setPointerCapture(event.pointerId);
        const move = (e) => (percent = apply(((e.clientX - box.left) / box.width) * 100));
        const up = () => {
            bar.removeEventListener('pointermove', move);
            bar.removeEventListener('pointerup', up);
        };
        bar.addEventListener('pointermove', move);
        bar.addEventListener('pointerup', up);
    });
    return bar;
}
