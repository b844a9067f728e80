/**
 * The office server's API types: what `server/` sends and `client.ts` reads, declared once for both sides.
 * Types only, with relative imports, so the server (run by tsx, no `$lib`) imports this file as it is.
 */
import type { CommunityDiff } from '../ingest/diff';
import type { Problem } from '../ingest/problems';
import type { SupplementPreview } from '../ingest/supplement-upload';

/** Who may do what, lowest first: town (a 乡镇（街道）'s own communities and the city's public figures), viewer (the
 *  internal dashboard), keeper (imports, publishes, reviews the towns' changes), admin (accounts). */
export const ROLES = ['town', 'viewer', 'keeper', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** GET /api/me: the signed-in user (null: nobody), the session's CSRF token, whether the site asks for a login. */
export interface Me {
	/** `towns`: a town account's 乡镇（街道） (names as in the data); empty for the other roles. */
	user: { name: string; role: Role; mustChange: boolean; towns?: string[] } | null;
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
	/** The towns' accepted changes this release carries (staged from them: POST /api/changes/stage). */
	changes?: ChangeRecord[] | null;
	/** Where this release's data would drop a value a town recorded (conflicts.json; recomputed on rebase). */
	conflicts?: TownConflict[] | null;
	/** The other tables' rows added and removed against the same base (tables-diff.json; none before it was kept). */
	tables?: TableRowDiff[] | null;
}

/** One table's rows a release adds and drops (whole rows compared; a changed row is one removed and one added). */
export interface TableRowDiff {
	/** The schema's table name (votes, funds, stage_events, works, contacts, towns). */
	table: string;
	/** Its Chinese name as the schema gives it (表决情况, …). */
	zh: string;
	added: number;
	removed: number;
}

/**
 * Why a staged release conflicts with an accepted town change: its votes have a different row for the vote's
 * community, kind and date (`vote-differs`) or none (`vote-absent`); fewer rows of the payment's community, date,
 * source and amount than accepted payments of it (`payment-absent`); its stage events have the stage begun on
 * another day (`stage-differs`) or not at all (`stage-absent`); its community's cell differs from a town's
 * correction (`fact-differs`); its community's lon and lat differ from a town's point (`point-differs`); its works
 * have the item of a town's works change at other costs (`works-differs`) or not at all (`works-absent`); or no
 * longer the community at all (`community-absent`).
 */
export type ConflictReason =
	| 'vote-differs'
	| 'vote-absent'
	| 'payment-absent'
	| 'stage-differs'
	| 'stage-absent'
	| 'fact-differs'
	| 'point-differs'
	| 'works-differs'
	| 'works-absent'
	| 'community-absent';

/** What a keeper chose for a conflict: the town's value (staged again as a new release) or the upload's. */
export type ConflictChoice = 'town' | 'upload';

/** One accepted town change a staged release would drop (conflicts.json of the release). */
export interface TownConflict {
	/** The change (ChangeRecord.id), its town, user, time recorded, field and community. */
	changeId: string;
	town: string;
	user: string;
	at: string;
	field: string;
	communityId: string;
	/** The community's name in the staged data, else in the data it was compared with ('' when neither has it). */
	communityName: string;
	reason: ConflictReason;
	/** The town's value: the votes or funds row it recorded. */
	townValue: unknown;
	/** The upload's value: its votes row of that community, kind and date (`vote-differs`); null: absent. */
	uploadValue: unknown;
	/** For a payment: rows of that community, date, source and amount the town's accepted changes make, and the
	 *  upload has. */
	counts?: { town: number; upload: number };
	/** The release that carried the change into published data, or null (accepted, not yet staged). */
	release: string | null;
	/** The keeper's choice once made: by whom, when (ISO), and for `town` the release staged with it kept. */
	decision?: { choice: ConflictChoice; by: string; at: string; release?: string };
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
	/** A town account's 乡镇（街道） (names as in the data). */
	towns: string[];
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

/** A town's change: pending until a keeper accepts or returns it; an accepted change is superseded when a keeper
 *  takes an upload's value over it (a conflict decided for the upload). */
export type ChangeState = 'pending' | 'accepted' | 'returned' | 'superseded';

/** One change a town recorded (the store's table `changes`). */
export interface ChangeRecord {
	id: string;
	/** The form's idempotency key: a retried send of the same key records nothing more. */
	key: string;
	user: string;
	/** ISO time it was recorded. */
	at: string;
	communityId: string;
	/** The community's name in the data served now (GET /api/changes adds it; absent where the server did not). */
	communityName?: string | null;
	/** The community's 乡镇（街道） (name). */
	town: string;
	/** What it changes: `votes.scheme` (a scheme vote), `votes.application`, `funds.resident` (a payment of resident
	 *  funds), `funds.social` (of social capital), `stage_events.<stage>` (a stage reached, e.g.
	 *  `stage_events.design`), `works.<item id>` (a works item and its cost, e.g. `works.building.basic.1.1`). */
	field: string;
	/** The value before: the latest vote of that kind in the data served then (null when there was none); for a
	 *  payment, `{ raised }` — the 元 of that source received until then; for a stage, the community's latest
	 *  stage reached then (a stage_events row, null before the first); for a works item, its works row then (null:
	 *  a new item). */
	before: unknown;
	/** The value recorded (a votes, funds or stage_events row). */
	after: unknown;
	note: string | null;
	state: ChangeState;
	reviewNote: string | null;
	reviewer: string | null;
	reviewedAt: string | null;
	/** The release that carries it (a keeper staged the accepted changes onto the release then current). */
	release: string | null;
	/** Superseded by an upload: the keeper who chose the upload's value, when (ISO), and in which staged release. */
	supersededBy?: string | null;
	supersededAt?: string | null;
	supersededIn?: string | null;
}

/** A town's community as its town account sees it: its internal row, contact people and votes. */
export interface TownCommunity {
	community: Record<string, unknown>;
	town: string;
	contacts: Record<string, unknown>[];
	votes: Record<string, unknown>[];
	funds: Record<string, unknown>[];
	/** Its stage_events rows (the stages reached and the day each began), in the workflow's order of dates. */
	stages: Record<string, unknown>[];
	/** Its works rows (附件1 items, estimate and final cost in 元), by item id. */
	works: Record<string, unknown>[];
	/** Its town's row: the facts a verdict reads of it (§二(一): its kind, whether 中心城区). */
	townRow: { code: string; name: string; kind: string; central: boolean };
}

/** GET /api/town: the account's towns, the data's date and their communities. */
export interface TownData {
	towns: string[];
	asOf: string;
	release: string | null;
	communities: TownCommunity[];
}

/**
 * The day of each community's latest town change (GET /api/freshness): any state but returned, as a Beijing
 * date (YYYY-MM-DD); only the communities of the caller's towns for a town account, every town's for the others.
 */
export interface FreshnessAnswer {
	/** Today in Beijing time (YYYY-MM-DD), by the server's clock: the day the ages are counted to. */
	today: string;
	/** Community id → the Beijing date of its latest change not returned. */
	communities: Record<string, string>;
	/** The communities with changes the published data does not hold yet (pending, or accepted and unpublished). */
	live: string[];
}

/**
 * A community's town changes the reviewed data does not hold yet (GET /api/live-changes?community=…): pending ones
 * and accepted ones no published release carries, oldest first — shown as 乡镇填报（未审核）.
 */
export interface LiveChangesAnswer {
	changes: ChangeRecord[];
}

export type {
	SupplementPreview,
	UploadCell,
	UploadCommunity,
	UploadProblem
} from '../ingest/supplement-upload';

/**
 * A town's filled 资料补充表 confirmed (POST /api/town/supplement?name=…&confirm=<digest>): the preview it was, the
 * upload's changes (each accepted cell one pending `communities.<column>` change, those recorded before included),
 * how many were new and how many had been recorded by an earlier send of the same upload.
 */
export interface SupplementRecorded {
	preview: SupplementPreview;
	changes: ChangeRecord[];
	recorded: number;
	repeated: number;
}
