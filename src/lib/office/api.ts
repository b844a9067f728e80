/**
 * The office server's API types: what `server/` sends and `client.ts` reads, declared once for both sides.
 * Types only, with relative imports, so the server (run by tsx, no `$lib`) imports this file as it is.
 */
import type { CommunityDiff } from '../ingest/diff';
import type { Problem } from '../ingest/problems';

/** Who may do what, lowest first: viewer (the internal dashboard), keeper (imports, publishes), admin (accounts). */
export const ROLES = ['viewer', 'keeper', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** GET /api/me: the signed-in user (null: nobody), the session's CSRF token, whether the site asks for a login. */
export interface Me {
	user: { name: string; role: Role; mustChange: boolean } | null;
	csrf: string | null;
	loginRequired: boolean;
}

/** A data release (DATA_DIR/releases/<id>/release.json). */
export interface ReleaseInfo {
	id: string;
	author: string;
	/** ISO time of the upload. */
	createdAt: string;
	/** The files as uploaded (names). */
	files: string[];
	/** Validated with no error: may be published. */
	ok: boolean;
	/** The release current when this one was staged (its diff is against it); null: the bundled example. */
	base: string | null;
	/** Rows per table. */
	counts?: Record<string, number>;
	/** Every time it was made current: publish, then any rollback to it. */
	published: { at: string; by: string }[];
}

/** The importer's report on a release (report.json). */
export interface Report {
	problems: Problem[];
	/** How long the importer ran, in seconds. */
	seconds: number;
	/** When the importer itself failed (time limit, crash) rather than the data: why. */
	failure?: { zh: string; en: string };
}

/** A staged release as the upload and the rebase answer it; GET /api/releases/:id may lack the report or diff. */
export interface Staged {
	info: ReleaseInfo;
	report: Report | null;
	diff?: CommunityDiff | null;
}

/** One line of the audit log. */
export interface AuditEntry {
	/** ISO time. */
	at: string;
	user: string | null;
	action: string;
	target: string | null;
	outcome: 'ok' | 'refused' | 'failed';
	detail: string | null;
}

/** An account as an admin sees it (no password hash). */
export interface Account {
	name: string;
	role: Role;
	mustChange: boolean;
	/** When the account's one-time password stops working (ms since 1970), or null. */
	otpExpires: number | null;
	disabled: boolean;
	/** Sources at which this name now waits after wrong passwords there (server/login-limits.ts). */
	lockedSources: string[];
}

/** Filters and page of the audit log (`GET /api/audit`). */
export interface AuditQuery {
	user?: string;
	action?: string;
	outcome?: string;
	text?: string;
	offset?: number;
	limit?: number;
}

/** One page of the audit log (`GET /api/audit`). */
export interface AuditPage {
	entries: AuditEntry[];
	/** Entries matching the filters, all pages together. */
	total: number;
	offset: number;
	limit: number;
}

/** One upload in the server's validation queue (server/validations.ts), as the API shows it. */
export interface QueuedValidation {
	/** The page's own ticket (`x-upload-ticket`), so it can find itself. */
	ticket: string;
	user: string;
	files: string[];
	state: 'running' | 'waiting';
	/** 1 for the next to run, 2 after it…; 0 while running. */
	position: number;
	/** When it was queued, and when it started (ISO). */
	queuedAt: string;
	startedAt?: string;
}
