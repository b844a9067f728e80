/**
 * The public build's static first screen: the page's title and headline figures, written into
 * `progress/index.html` by `npm run build:public` from summary.json, so a phone shows them as the HTML arrives,
 * before any script runs. The same words (the message dictionary, in Chinese — the site's first language) and
 * the same markup and classes as Headline.svelte; the page removes it once it has drawn its own.
 */
import { t } from '../i18n/messages';
import { headlineFigures, headlineRest, type HeadlineFigure } from './headline';
import type { ProgressSummary } from './summary';

const ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};
/** Text as HTML text: data from files is text, never markup. */
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** The element's id: the page removes it on mount. */
export const PRERENDERED_ID = 'prerendered';

export function headlineHtml(summary: ProgressSummary): string {
	const figure = (f: HeadlineFigure) =>
		`<div class="figure" data-figure="${f.key}"><span class="label">${escapeHtml(f.label)}</span>` +
		`<span class="value">${escapeHtml(f.value)}</span><span class="unit">${escapeHtml(f.unit)}</span>` +
		(f.definition ? `<span class="def">${escapeHtml(f.definition)}</span>` : '') +
		`</div>`;
	return (
		`<div id="${PRERENDERED_ID}" class="prerendered">` +
		`<h1>${escapeHtml(t('progress.title'))}</h1>` +
		`<p class="sub">${escapeHtml(t('progress.subtitle'))}</p>` +
		`<div class="headline">` +
		headlineFigures(summary).map(figure).join('') +
		`</div><p class="headline-rest">${escapeHtml(headlineRest(summary))}</p></div>`
	);
}

/**
 * index.html with the static first screen placed before the app's root; one placed there before (the page of an
 * earlier build given other data) is replaced.
 */
export function withHeadline(html: string, summary: ProgressSummary): string {
	const at = html.indexOf('<div class="app-root">');
	if (at < 0) throw new Error('progress/index.html: no app root to place the headline before');
	const earlier = html.lastIndexOf(`<div id="${PRERENDERED_ID}"`, at);
	return html.slice(0, earlier < 0 ? at : earlier) + headlineHtml(summary) + html.slice(at);
}
