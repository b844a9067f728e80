// What an audit entry may hold (issue 21, item 6): failed logins stored names as sent — 100 KB each, 510 of them
// filled the view and grew the store to 86 MB. Every text field is cut to a bound and made visible: control
// characters, line breaks and the invisible ones that reorder or hide text (bidi overrides, zero-width) are written
// as \u{…}, so a name cannot fake a line of the log or hide what it is.

/** The most characters (code points) each audit field keeps. */
export const AUDIT_LIMITS = { user: 64, action: 32, target: 200, detail: 500 } as const;

// C0 and C1 controls, DEL, bidi marks and overrides, zero-width and line/paragraph separators, BOM: matching
// control characters is the point here
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/gu;

/**
 * `text` made safe to show and store: invisible characters escaped as `\u{hex}`, then cut to `max` code points
 * with `…(+N)` saying how many were left out. `null` stays `null`.
 */
export function boundText(text: string | null, max: number): string | null {
	if (text === null) return null;
	const visible = text.replace(INVISIBLE, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
	const chars = [...visible];
	if (chars.length <= max) return visible;
	const kept = chars.slice(0, max);
	return `${kept.join('')}…(+${chars.length - kept.length})`;
}
