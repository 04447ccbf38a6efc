// tests/browser/form.test.mjs - the public-comment form in a real browser (Chromium via
// playwright-core), end to end: nginx -> kenes-fcgi -> PostgreSQL, checked in the database.
//
//   BASE_URL=http://127.0.0.1:8181 \
//   KENES_ADMIN_URL='host=/work/main/var/pg/run port=5432 user=postgres dbname=kenes' \
//   ./run.sh                      (or: node --test form.test.mjs)
//
// Optional: CHROMIUM_PATH (default /usr/bin/chromium), KENES_BROWSER_ARTIFACTS (a directory
// for a screenshot and the HTML of the page when a scenario fails; default a new temp dir).
//
// Each scenario submits a real proposal; its text carries a unique marker, so the test can
// run again against the same database.

import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FILE_MS, STEP_MS, iin, launchChromium } from './lib.mjs';

const BASE_URL = (process.env.BASE_URL || '').replace(/\/+$/, '');
const ADMIN_URL = process.env.KENES_ADMIN_URL || '';
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
// Hard stops only (lib.mjs: STEP_MS for one action, FILE_MS for the file): a scenario takes
// 1-3 s alone and has taken 30 on a loaded machine.
const SCENARIO_MS = 4 * STEP_MS;

if (!BASE_URL || !ADMIN_URL) {
	console.error('usage: BASE_URL=http://127.0.0.1:8080 KENES_ADMIN_URL="host=... user=postgres dbname=kenes" node --test form.test.mjs');
	process.exit(2);
}

const RU_THANKS = 'Спасибо! Ваше предложение зарегистрировано';
const KK_THANKS = 'Рақмет! Ұсынысыңыз тіркелді';
const RECEIPT = /\/proposals\/(\d+)\/receipt(?:\?|$)/;
const run = `${Date.now()}-${process.pid}`;
const AGGREGATOR = new URL('../../bin/kenes-aggregator', import.meta.url).pathname;
const ARTIFACTS = mkdtempSync(join(tmpdir(), 'kenes-browser-report-'));

// ---- database ------------------------------------------------------------------------------

// One row as JSON (psql -tA prints it on one line; JSON keeps newlines and '|' unambiguous).
// The id goes in as a psql variable, quoted by psql (:'id'); -c would not interpolate it.
function proposalRow(id) {
	const sql = `SELECT json_build_object(
		'text', p.text, 'lang', p.lang, 'stance', p.stance, 'channel', p.channel,
		'region', p.region, 'proposed_wording', p.proposed_wording,
		'part', pt.kind || coalesce(':' || pt.number, ''),
		'topics', coalesce((SELECT json_agg(t.slug ORDER BY t.slug)
			FROM kenes.proposal_topic x JOIN kenes.topic t ON t.id = x.topic_id
			WHERE x.proposal_id = p.id), '[]'::json))
	FROM kenes.proposal p JOIN kenes.part pt ON pt.id = p.part_id
	WHERE p.id = :'id'`;
	const out = execFileSync('psql', ['-X', '-q', '-tA', '-v', 'ON_ERROR_STOP=1', '-v', `id=${id}`, '-d', ADMIN_URL], {
		input: sql,
		encoding: 'utf8',
		env: { ...process.env, PGCLIENTENCODING: 'UTF8', PGCONNECT_TIMEOUT: '10' },
		timeout: STEP_MS,
	}).trim();
	return out ? JSON.parse(out) : null;
}

function openFlags(id) {
	const out = execFileSync('psql', ['-X', '-q', '-tA', '-v', 'ON_ERROR_STOP=1', '-v', `id=${id}`, '-d', ADMIN_URL], {
		input: "SELECT count(*) FROM kenes.identity_flag WHERE proposal_id = :'id' AND resolved_at IS NULL",
		encoding: 'utf8',
		env: { ...process.env, PGCONNECT_TIMEOUT: '10' },
		timeout: STEP_MS,
	}).trim();
	return Number(out);
}

function assertSameBytes(actual, expected, what) {
	assert.equal(actual, expected, `${what}: stored text differs from the typed text`);
	assert.ok(Buffer.from(actual, 'utf8').equals(Buffer.from(expected, 'utf8')), `${what}: bytes differ`);
}

// ---- browser helpers -----------------------------------------------------------------------

let artifacts = null;
async function saveArtifacts(page, name) {
	try {
		if (!artifacts) {
			artifacts = process.env.KENES_BROWSER_ARTIFACTS || mkdtempSync(join(tmpdir(), 'kenes-browser-'));
			mkdirSync(artifacts, { recursive: true });
		}
		const base = join(artifacts, name.replace(/[^a-z0-9-]+/gi, '_'));
		await page.screenshot({ path: `${base}.png`, fullPage: true, timeout: 5_000 });
		writeFileSync(`${base}.html`, await page.content());
		console.error(`# ${name}: page ${page.url()} saved to ${base}.png and ${base}.html`);
	} catch (e) {
		console.error(`# ${name}: could not save the page: ${e.message}`);
	}
}

// A context and page with bounded timeouts that records what should never happen on these
// pages: HTTP errors (other than the ones a scenario expects), failed requests, page errors,
// console errors and CSP violations (listened for by an init script, which CSP does not block
// and which runs only when JavaScript is enabled).
async function openPage(browser, { javaScriptEnabled = true } = {}) {
	const context = await browser.newContext({ javaScriptEnabled, locale: 'ru-RU', serviceWorkers: 'block' });
	context.setDefaultTimeout(STEP_MS);
	context.setDefaultNavigationTimeout(STEP_MS);
	await context.addInitScript(() => {
		window.__csp = [];
		document.addEventListener('securitypolicyviolation', (e) => {
			window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'}`);
		});
	});
	const page = await context.newPage();
	const problems = [];
	const expectedStatus = new Map(); // url path -> status a scenario expects
	page.on('response', (r) => {
		const path = new URL(r.url()).pathname;
		if (r.status() >= 400 && path !== '/favicon.ico' && expectedStatus.get(path) !== r.status())
			problems.push(`HTTP ${r.status()} ${r.request().method()} ${r.url()}`);
	});
	page.on('requestfailed', (r) => {
		if (new URL(r.url()).pathname !== '/favicon.ico')
			problems.push(`request failed: ${r.method()} ${r.url()}: ${r.failure()?.errorText}`);
	});
	page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
	page.on('console', (m) => {
		// "Failed to load resource" messages name the resource only in their location.
		const where = m.location()?.url || '';
		if (m.type() !== 'error' || /\/favicon\.ico$/.test(where)) return;
		const status = /status of (\d+)/.exec(m.text());
		if (status && where && expectedStatus.get(new URL(where).pathname) === Number(status[1])) return;
		problems.push(`console error: ${m.text()}${where ? ` (${where})` : ''}`);
	});
	return { context, page, problems, expectedStatus };
}

async function cspViolations(page) {
	return page.evaluate(() => window.__csp || []);
}

// Runs fn with the page of the scenarios with the same opts: a context of their own costs a
// renderer process started cold, 1-2 s of CPU each. Each scenario starts with no cookies
// and no recorded problems and loads its first page itself. On failure saves a screenshot and
// the HTML and closes that context, so the next scenario starts in a new one.
const shared = new Map(); // JSON of opts -> what openPage returned
async function withPage(browser, name, opts, fn) {
	const key = JSON.stringify(opts);
	if (!shared.has(key)) shared.set(key, await openPage(browser, opts));
	const p = shared.get(key);
	p.problems.length = 0;
	p.expectedStatus.clear();
	await p.context.clearCookies();
	try {
		await fn(p);
		assert.deepEqual(p.problems, [], `${name}: unexpected errors in the browser`);
	} catch (e) {
		await saveArtifacts(p.page, name);
		shared.delete(key);
		await p.context.close();
		throw e;
	}
}

// Clicks the submit button; returns the response to the POST (a 303 or the re-shown form).
async function submit(page, buttonName) {
	const posted = page.waitForResponse(
		(r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/proposals',
		{ timeout: STEP_MS },
	);
	const button = buttonName ? page.getByRole('button', { name: buttonName }) : page.locator('form button[type="submit"]');
	await button.click();
	const response = await posted;
	await page.waitForLoadState('load');
	return response;
}

// The receipt after a successful submission; returns the proposal id.
async function checkReceipt(page, response, { thanks, lang, text }) {
	assert.equal(response.status(), 303, `POST /api/v1/proposals answered ${response.status()}, expected 303`);
	await page.waitForURL(RECEIPT);
	const url = new URL(page.url());
	const id = RECEIPT.exec(url.pathname + url.search)[1];
	assert.equal(url.searchParams.get('lang'), lang, `receipt URL ${page.url()} keeps lang=${lang}`);
	assert.equal(await page.locator('html').getAttribute('lang'), lang);
	assert.equal((await page.locator('h1').innerText()).trim(), thanks);
	assert.equal((await page.locator('p.number strong').innerText()).trim(), id, 'receipt shows the number from its URL');
	const shown = page.locator('main').getByText(text, { exact: true });
	await shown.waitFor({ state: 'visible' });
	assert.equal(await shown.count(), 1, 'the submitted text is shown once');
	assert.equal(await shown.textContent(), text, 'the receipt shows the text as typed');
	return id;
}

// ---- scenarios -----------------------------------------------------------------------------

test('Kenes form in Chromium', { timeout: FILE_MS }, async (t) => {
	assert.ok(existsSync(CHROMIUM), `no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`);
	const health = await fetch(`${BASE_URL}/?lang=ru`, { signal: AbortSignal.timeout(STEP_MS) }).catch((e) => e);
	assert.ok(health instanceof Response && health.ok, `${BASE_URL}/?lang=ru is not answering: ${health.status ?? health.message}`);

	const browser = await launchChromium();
	try {
		await t.test('a. JavaScript on, Russian UI: submit by labels, receipt, row in the database', { timeout: SCENARIO_MS }, () =>
			withPage(browser, 'a-js-ru', {}, async ({ page }) => {
				const text = `Тест браузера ${run} — народ единственный источник власти`;
				await page.goto(`${BASE_URL}/?lang=ru`);
				assert.equal(await page.locator('html').getAttribute('lang'), 'ru');
				// Every control is reached through its label, as a person (or a screen reader) would.
				await page.getByLabel('Часть проекта').selectOption('article:4');
				await page.getByLabel('Предлагаю изменить').check();
				await page.getByLabel('Суверенитет и независимость').check();
				const textarea = page.getByLabel('Ваше предложение');
				await textarea.click();
				await textarea.pressSequentially(text);
				assert.equal(await textarea.inputValue(), text);
				assert.equal(await page.getByLabel('Язык предложения').inputValue(), 'ru', 'the Russian UI proposes Russian');
				await page.getByLabel('Ваш регион').selectOption('KZ-75');
				const response = await submit(page, 'Отправить предложение');
				const id = await checkReceipt(page, response, { thanks: RU_THANKS, lang: 'ru', text });
				assert.deepEqual(await cspViolations(page), [], 'CSP violations on the receipt');

				const row = proposalRow(id);
				assert.ok(row, `no row kenes.proposal id=${id}`);
				assertSameBytes(row.text, text, `proposal ${id}`);
				assert.equal(row.lang, 'ru');
				assert.equal(row.stance, 'amend');
				assert.equal(row.channel, 'web');
				assert.equal(row.region, 'KZ-75');
				assert.equal(row.part, 'article:4');
				assert.deepEqual(row.topics, ['sovereignty']);
				assert.equal(row.proposed_wording, null, 'an empty proposed wording is stored as NULL');
			}));

		await t.test('b. JavaScript off, Kazakh UI: plain HTML form posts, receipt, row in the database', { timeout: SCENARIO_MS }, () =>
			withPage(browser, 'b-nojs-kk', { javaScriptEnabled: false }, async ({ page }) => {
				const text = `Браузер сынағы ${run}: әділет, ғылым, қоғам, таңғы, өмір, ұлт, үміт, һәм, іргетас — ә ғ қ ң ө ұ ү һ і`;
				await page.goto(`${BASE_URL}/?lang=kk`);
				assert.equal(await page.locator('html').getAttribute('lang'), 'kk');
				await page.locator('#f-target').selectOption('article:4');
				await page.locator('input[name="stance"][value="amend"]').check();
				await page.locator('input[name="topics"][value="language"]').check();
				await page.locator('#f-text').fill(text);
				assert.equal(await page.locator('#f-lang').inputValue(), 'kk', 'the Kazakh UI proposes Kazakh');
				await page.locator('#f-region').selectOption('KZ-75');
				const response = await submit(page);
				const id = await checkReceipt(page, response, { thanks: KK_THANKS, lang: 'kk', text });

				const row = proposalRow(id);
				assert.ok(row, `no row kenes.proposal id=${id}`);
				assertSameBytes(row.text, text, `proposal ${id}`);
				assert.equal(row.lang, 'kk');
				assert.equal(row.stance, 'amend');
				assert.equal(row.channel, 'web');
				assert.equal(row.region, 'KZ-75');
				assert.equal(row.part, 'article:4');
				assert.deepEqual(row.topics, ['language']);
			}));

		await t.test('c. Validation: empty text -> 422, error summary linked to the field, values kept', { timeout: SCENARIO_MS }, () =>
			withPage(browser, 'c-validation', {}, async ({ page, expectedStatus }) => {
				expectedStatus.set('/api/v1/proposals', 422);
				const wording = `Редакция ${run}: «Народ — единственный источник государственной власти».`;
				await page.goto(`${BASE_URL}/?lang=ru`);
				await page.locator('#f-target').selectOption('article:4');
				await page.locator('input[name="stance"][value="amend"]').check();
				await page.locator('input[name="topics"][value="sovereignty"]').check();
				await page.locator('#f-proposed_wording').fill(wording);
				await page.locator('#f-region').selectOption('KZ-75');
				const response = await submit(page);

				assert.equal(response.status(), 422, `POST with empty text answered ${response.status()}, expected 422`);
				assert.doesNotMatch(page.url(), RECEIPT);
				assert.equal(await page.locator('html').getAttribute('lang'), 'ru');
				const summary = page.locator('.error-summary');
				await summary.waitFor({ state: 'visible' });
				// The values typed are kept.
				assert.equal(await page.locator('#f-target').inputValue(), 'article:4', 'target kept');
				assert.ok(await page.locator('input[name="stance"][value="amend"]').isChecked(), 'stance kept');
				assert.ok(await page.locator('input[name="topics"][value="sovereignty"]').isChecked(), 'topic kept');
				assert.equal(await page.locator('#f-proposed_wording').inputValue(), wording, 'proposed wording kept');
				assert.equal(await page.locator('#f-region').inputValue(), 'KZ-75', 'region kept');
				assert.equal(await page.locator('#f-lang').inputValue(), 'ru', 'language kept');
				assert.equal(await page.locator('#f-text').inputValue(), '');
				// The summary links to the field, the field shows its error and points to it.
				const link = summary.locator('a[href="#f-text"]');
				assert.equal(await link.count(), 1, 'the summary links to #f-text');
				assert.equal(await page.locator('[id="f-text"]').count(), 1, 'exactly one element has id f-text');
				const fieldError = page.locator('p.field-error#e-text');
				await fieldError.waitFor({ state: 'visible' });
				assert.ok((await fieldError.innerText()).trim().length > 0, 'the field error has a message');
				const textarea = page.locator('#f-text');
				assert.equal(await textarea.getAttribute('aria-invalid'), 'true');
				// Following the link puts the cursor in the field.
				await link.click();
				await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'f-text');
				assert.deepEqual(await cspViolations(page), [], 'CSP violations on the form');
				// Screen readers announce the error with the field: as the browser parsed it (a repeated
				// attribute keeps only its first value), aria-describedby must name e-text.
				const describedBy = ((await textarea.getAttribute('aria-describedby')) || '').split(/\s+/);
				assert.ok(describedBy.includes('e-text'),
					`#f-text aria-describedby is "${describedBy.join(' ')}" as parsed by the browser; it must include e-text (the field error)`);
			}));

		await t.test('d. XSS: markup in the text is shown as text on the receipt, its page, its list and the report, never run', { timeout: SCENARIO_MS }, () =>
			withPage(browser, 'd-xss', {}, async ({ page }) => {
				const text = `<script>window.__xss=1</script><img src=x onerror="window.__xss=2"> ${run}`;
				await page.goto(`${BASE_URL}/?lang=ru`);
				// A part no other suite writes to, so the proposal is among its part's top ones in the report.
				await page.locator('#f-target').selectOption('article:88');
				await page.locator('input[name="stance"][value="oppose"]').check();
				await page.locator('#f-text').fill(text);
				const response = await submit(page);
				const id = await checkReceipt(page, response, { thanks: RU_THANKS, lang: 'ru', text });
				assert.equal(await page.evaluate(() => typeof window.__xss), 'undefined', 'injected script ran');
				assert.equal(await page.locator('main script, main img').count(), 0, 'the text became markup');
				assert.deepEqual(await cspViolations(page), [], 'CSP violations on the receipt (markup from the text?)');
				const row = proposalRow(id);
				assert.ok(row, `no row kenes.proposal id=${id}`);
				assertSameBytes(row.text, text, `proposal ${id}`);
				assert.equal(row.stance, 'oppose');
				assert.equal(row.channel, 'web');

				// Every other HTML page that shows it: the proposal's own page, its article's list,
				// and the HTML report staff download (written by the aggregator, opened from disk).
				const report = join(ARTIFACTS, `report-${run}.html`);
				execFileSync(AGGREGATOR, ['-q', '-d', ADMIN_URL, 'report', '--from', '2026-01-01',
					// The report's days are the consultation's local ones (up to UTC+14): end tomorrow.
					'--to', new Date(Date.now() + 86_400_000).toISOString().slice(0, 10), '--format', 'html', '--lang', 'ru', '--out', report],
				{ env: { ...process.env, KENES_DATABASE_ROLE: 'kenes_aggregator' }, stdio: ['ignore', 'ignore', 'inherit'] });
				for (const url of [`${BASE_URL}/proposals/${id}?lang=ru`,
					`${BASE_URL}/proposals?consultation=constitution-2026&target=article:88&sort=newest&lang=ru`,
					`file://${report}`]) {
					await page.goto(url);
					await page.getByText(`window.__xss=2"> ${run}`).first().waitFor({ state: 'visible' });
					assert.equal(await page.evaluate(() => typeof window.__xss), 'undefined', `injected script ran on ${url}`);
					assert.equal(await page.locator('img[src="x"], script:not([src])').count(), 0, `the text became markup on ${url}`);
					assert.deepEqual(await cspViolations(page), [], `CSP violations on ${url}`);
				}
			}));

		await t.test('e. JavaScript off, English UI: report a proposal filed in my name from its page', { timeout: SCENARIO_MS }, () =>
			withPage(browser, 'e-report-identity', { javaScriptEnabled: false }, async ({ page, expectedStatus }) => {
				const serial = (Date.now() % 4000) * 2 + 1000;
				const mine = iin(serial), other = iin(serial + 1);
				const text = `<img src=x onerror="window.__xss=3"> filed in a stolen name ${run}`;
				await page.goto(`${BASE_URL}/?lang=en`);
				await page.locator('#f-target').selectOption('article:4');
				await page.locator('input[name="stance"][value="support"]').check();
				await page.locator('#f-text').fill(text);
				await page.locator('#f-iin').fill(mine);
				const id = await checkReceipt(page, await submit(page), { thanks: 'Thank you! Your proposal is recorded', lang: 'en', text });

				const path = `/api/v1/proposals/${id}/report-identity`;
				const report = async (who) => {
					await page.goto(`${BASE_URL}/proposals/${id}?lang=en`);
					await page.getByRole('heading', { name: 'Was this proposal filed in your name without you?' }).waitFor();
					await page.getByLabel('Your IIN (to check that it is you)').fill(who);
					const posted = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === path);
					await page.getByRole('button', { name: 'Report it to the moderators' }).click();
					const response = await posted;
					await page.waitForLoadState('load');
					return response;
				};
				expectedStatus.set(path, 403);
				let response = await report(other);
				assert.equal(response.status(), 403, 'someone else is refused');
				await page.getByText('This proposal was not filed in your name').first().waitFor();
				assert.equal(openFlags(id), 0, 'no flag for someone else');
				response = await report(mine);
				assert.equal(response.status(), 303, 'the person it was filed with is heard');
				await page.getByText('Your report is recorded: the moderators will review it.').waitFor();
				assert.equal(new URL(page.url()).searchParams.get('done'), 'reported');
				assert.equal(openFlags(id), 1, 'one open flag');
				assert.equal(await page.locator('main img').count(), 0, 'the text became markup');
				assert.equal(await page.content().then((html) => html.includes(mine)), false, 'the IIN is echoed');
			}));

		await t.test('f. The character counter speaks the page\'s language, not the browser\'s, and never goes negative', { timeout: SCENARIO_MS }, async () => {
			// A browser set to English (en-US: "4,999") reading the Russian page ("4 999").
			const context = await browser.newContext({ locale: 'en-US', serviceWorkers: 'block' });
			context.setDefaultTimeout(STEP_MS);
			context.setDefaultNavigationTimeout(STEP_MS);
			try {
				const page = await context.newPage();
				const hint = page.locator('#h-text');
				const typed = async (n) => {
					await page.locator('#f-text').evaluate((el, count) => {
						el.value = 'я'.repeat(count);
						el.dispatchEvent(new Event('input'));
					}, n);
					return (await hint.innerText()).trim();
				};
				const nbsp = (s) => s.replace(/[\u00a0\u202f]/g, ' ');
				await page.goto(`${BASE_URL}/?lang=ru`);
				assert.match(nbsp(await typed(1)), /Осталось 4 999 символов\.$/);
				assert.match(nbsp(await typed(4999)), /Остался 1 символ\.$/);
				assert.match(nbsp(await typed(4997)), /Осталось 3 символа\.$/);
				assert.match(nbsp(await typed(5000)), /Осталось 0 символов\.$/);
				assert.match(nbsp(await typed(5002)), /Лишних 2 символа\.$/);
				assert.equal(await hint.evaluate((el) => el.classList.contains('over')), true, 'over the limit is marked');
				assert.doesNotMatch(await hint.innerText(), /-\d/, 'a negative count');
				await page.goto(`${BASE_URL}/?lang=en`);
				assert.match(await typed(4999), /1 character left\.$/);
				assert.match(await typed(1), /4,999 characters left\.$/);
				assert.match(await typed(5001), /1 character too many\.$/);
				await page.goto(`${BASE_URL}/?lang=kk`);
				assert.match(nbsp(await typed(10)), /4 990 таңба қалды\.$/);
			} finally {
				await context.close();
			}
		});

		await t.test('g. The overview of the draft in kk, ru and en: a captioned table with column and row headers, each part linked to its list', { timeout: SCENARIO_MS }, () =>
			withPage(browser, 'g-overview', { javaScriptEnabled: false }, async ({ page }) => {
				for (const lang of ['kk', 'ru', 'en']) {
					await page.goto(`${BASE_URL}/consultations/constitution-2026?lang=${lang}`);
					assert.equal(await page.locator('html').getAttribute('lang'), lang);
					assert.equal(await page.locator('table.overview caption').count(), 1, `no caption (${lang})`);
					assert.equal(await page.locator('table.overview thead th[scope="col"]').count(), 7, `column headers (${lang})`);
					const rows = await page.locator('table.overview tbody th[scope="row"] a').count();
					assert.ok(rows > 100, `only ${rows} parts linked (${lang})`);
					assert.deepEqual(await cspViolations(page), [], `CSP violations on the overview (${lang})`);
				}
				await page.locator('table.overview tbody a[href^="/proposals?target=article:4&"]').click();
				await page.waitForURL(/\/proposals\?target=article:4&lang=en$/);
				assert.equal(await page.locator('h1').count(), 1);
			}));
	} finally {
		await browser.close();
	}
});
