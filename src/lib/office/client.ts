/**
 * The office server's API as the browser calls it: JSON in and out, the session's CSRF token on every change,
 * refusals as `OfficeError` with their reason in both languages. Its types are `api.ts`, shared with `server/`.
 */
import type {
	Account,
	AuditEntry,
	ChangeRecord,
	ChangeState,
	FreshnessAnswer,
	LiveChangesAnswer,
	TownData,
	AuditPage,
	AuditQuery,
	Me,
	QueuedValidation,
	ReleaseInfo,
	Report,
	Role,
	Staged,
	TownConflict,
	ConflictChoice,
	SupplementPreview,
	SupplementRecorded,
	UploadProblem
} from './api';

export type {
	Account,
	AuditEntry,
	ChangeRecord,
	ChangeState,
	FreshnessAnswer,
	LiveChangesAnswer,
	TownData,
	AuditPage,
	AuditQuery,
	Me,
	QueuedValidation,
	ReleaseInfo,
	Report,
	Role,
	Staged,
	TownConflict,
	ConflictChoice,
	SupplementPreview,
	SupplementRecorded,
	UploadProblem
};

export class OfficeError extends Error {
	constructor(
		readonly status: number,
		readonly zh: string,
		readonly en: string,
		readonly body: Record<string, unknown> = {}
	) {
		super(en);
	}
}

let csrf: string | null = null;

/**
 * One request to the office server with the session's CSRF token: `body` sent as JSON, or as it is when a file
 * (`Blob`); the JSON answer, or an `OfficeError` (status 0 when no answer came at all).
 */
async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
	const file = body instanceof Blob;
	const headers: Record<string, string> = {
		'content-type': file ? 'application/octet-stream' : 'application/json'
	};
	if (csrf) headers['x-csrf-token'] = csrf;
	let res: Response;
	try {
		res = await fetch(path, {
			method,
			headers,
			credentials: 'same-origin',
			body: method !== 'POST' ? undefined : file ? body : JSON.stringify(body ?? {})
		});
	} catch {
		// no answer at all (network down, server unreachable): status 0, so a form keeps what was typed
		throw new OfficeError(
			0,
			'网络中断，未能连接服务器',
			'the network is down: the server could not be reached'
		);
	}
	const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
	if (!res.ok) {
		const e = json.error as { zh: string; en: string } | undefined;
		throw new OfficeError(
			res.status,
			e?.zh ?? `请求失败（${res.status}）`,
			e?.en ?? `request failed (${res.status})`,
			json
		);
	}
	return json as T;
}

export async function me(): Promise<Me> {
	const m = await call<Me>('GET', '/api/me');
	csrf = m.csrf;
	return m;
}

export async function login(name: string, password: string): Promise<Me['user']> {
	const r = await call<{ user: Me['user']; csrf: string }>('POST', '/api/login', { name, password });
	csrf = r.csrf;
	return r.user;
}

/** The day of each community's latest town change the account may read (the map's freshness colouring). */
export const freshness = () => call<FreshnessAnswer>('GET', '/api/freshness');
/** A community's town changes not yet in the published data (its page's 乡镇填报（未审核） panel). */
export const liveChanges = (communityId: string) =>
	call<LiveChangesAnswer>('GET', `/api/live-changes?community=${encodeURIComponent(communityId)}`);

export const logout = () => call<{ ok: true }>('POST', '/api/logout');
export const changePassword = (current: string, next: string) =>
	call<{ ok: true }>('POST', '/api/password', { current, next });
export const releases = () =>
	call<{ current: string | null; example: boolean; releases: ReleaseInfo[] }>('GET', '/api/releases');
export const release = (id: string) =>
	call<Staged & { current: string | null }>('GET', `/api/releases/${id}`);
export const publish = (id: string, base: string | null) =>
	call<{ info: ReleaseInfo; action: string }>('POST', `/api/releases/${id}/publish`, { base });
export const rebase = (id: string) => call<Staged>('POST', `/api/releases/${id}/rebase`);
export const audit = (q: AuditQuery = {}) => {
	const params = new URLSearchParams();
	for (const [key, value] of Object.entries(q))
		if (value !== undefined && value !== '') params.set(key, String(value));
	return call<AuditPage>('GET', `/api/audit?${params}`);
};
export const validations = () => call<{ validations: QueuedValidation[] }>('GET', '/api/validations');
export const accounts = () => call<{ users: Account[] }>('GET', '/api/users');
export const saveAccount = (change: {
	name: string;
	role?: Role;
	towns?: string[];
	disabled?: boolean;
	resetPassword?: boolean;
	unlock?: boolean;
}) => call<{ name: string; password: string | null }>('POST', '/api/users', change);

/**
 * Upload files to stage a release; `onProgress` gets the share sent (0–1). XHR: fetch reports no upload progress.
 * `ticket` names the upload in the server's validation queue (`validations()` shows its place while it waits).
 */
export function upload(
	files: readonly File[],
	onProgress: (share: number) => void,
	ticket?: string
): Promise<Staged> {
	return new Promise((resolve, reject) => {
		const form = new FormData();
		for (const f of files) form.append('files', f, f.name);
		const xhr = new XMLHttpRequest();
		xhr.open('POST', '/api/releases');
		if (csrf) xhr.setRequestHeader('x-csrf-token', csrf);
		if (ticket) xhr.setRequestHeader('x-upload-ticket', ticket);
		xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
		xhr.onload = () => {
			let json: Record<string, unknown> = {};
			try {
				json = JSON.parse(xhr.responseText) as Record<string, unknown>;
			} catch {
				// not JSON: reported below by status
			}
			if (xhr.status === 200) return resolve(json as unknown as Staged);
			const e = json.error as { zh: string; en: string } | undefined;
			reject(
				new OfficeError(
					xhr.status,
					e?.zh ?? `上传失败（${xhr.status}）`,
					e?.en ?? `upload failed (${xhr.status})`,
					json
				)
			);
		};
		xhr.onerror = () =>
			reject(new OfficeError(0, '网络错误，上传未完成', 'network error: the upload did not finish'));
		xhr.send(form);
	});
}

/** A town account's own communities (GET /api/town). */
export const town = () => call<TownData>('GET', '/api/town');

/** The form's values of a vote, as typed (see `VoteEntry`, src/lib/ingest/vote-entry.ts). */
export type VoteEntryValues = Record<
	'kind' | 'date' | 'participating_owners' | 'participating_area' | 'agree_owners' | 'agree_area',
	string
>;

/** Record a vote for a community, once per `key`: a second send with the same key gets the first change back. */
export const recordVote = (key: string, communityId: string, vote: VoteEntryValues, note: string) =>
	call<{ change: ChangeRecord; repeated: boolean }>('POST', '/api/changes', { key, communityId, vote, note });

/** Record a payment (resident funds or social capital) for a community, once per `key`. */
export const recordFund = (
	key: string,
	communityId: string,
	fund: { source: string; date: string; amount: string },
	note: string
) =>
	call<{ change: ChangeRecord; repeated: boolean }>('POST', '/api/changes', { key, communityId, fund, note });

/** Changes, oldest first: by state, town or community (a town account gets its own towns' only). */
export const changes = (q: { state?: ChangeState; town?: string; community?: string } = {}) => {
	const params = new URLSearchParams();
	for (const [k, v] of Object.entries(q)) if (v) params.set(k, v);
	return call<{ changes: ChangeRecord[] }>('GET', `/api/changes?${params}`);
};

/** Accept a pending change, or return it with a note saying why (keepers). */
export const reviewChange = (id: string, decision: 'accepted' | 'returned', note: string) =>
	call<{ change: ChangeRecord }>('POST', `/api/changes/${id}/review`, { decision, note });

/** Stage the accepted changes onto the current release as a new release, validated by the importer (keepers). */
export const stageChanges = () => call<Staged>('POST', '/api/changes/stage');

/**
 * Decide conflicts of staged release `id` with the towns' accepted changes (keepers): `upload` marks a change
 * superseded; `town` stages a new release with the kept changes replayed — then that release is answered (`from`:
 * the release decided), else the decided release with its conflicts.
 */
export const decideConflicts = (id: string, decisions: { changeId: string; choice: ConflictChoice }[]) =>
	call<Staged & { from: string }>('POST', `/api/releases/${id}/conflicts`, { decisions });

/** Record a stage the community reached (a workflow stage id and the day it began), once per `key`. */
export const recordStage = (
	key: string,
	communityId: string,
	stage: { stage: string; date: string },
	note: string
) =>
	call<{ change: ChangeRecord; repeated: boolean }>('POST', '/api/changes', {
		key,
		communityId,
		stage,
		note
	});

/** Record a correction of one community fact (a column of the communities table, its new value), once per `key`. */
export const recordFact = (
	key: string,
	communityId: string,
	fact: { column: string; value: string },
	note: string
) =>
	call<{ change: ChangeRecord; repeated: boolean }>('POST', '/api/changes', { key, communityId, fact, note });

/** Set the community's point (WGS84 longitude and latitude, a tap on the map), once per `key`. */
export const recordPoint = (
	key: string,
	communityId: string,
	point: { lon: number; lat: number },
	note: string
) =>
	call<{ change: ChangeRecord; repeated: boolean }>('POST', '/api/changes', {
		key,
		communityId,
		point,
		note
	});

const supplementPath = (name: string, confirm?: string) =>
	`/api/town/supplement?name=${encodeURIComponent(name)}${confirm ? `&confirm=${encodeURIComponent(confirm)}` : ''}`;

/** A town's filled 资料补充表 (the downloaded xlsx, or its 小区 sheet as CSV): what it would record; records nothing. */
export const previewSupplement = (file: File) =>
	call<{ preview: SupplementPreview }>('POST', supplementPath(file.name), file);

/**
 * Record the cells of a previewed 资料补充表 as pending corrections: `digest` is the preview's (refused, 409, with
 * the new preview in the body, when the file or the data changed since). Sent again, it records nothing twice.
 */
export const confirmSupplement = (file: File, digest: string) =>
	call<SupplementRecorded>('POST', supplementPath(file.name, digest), file);

/** Record a works item of 附件1 and its cost (estimate, and final cost once known; 元) for a community, once per `key`. */
export const recordWorks = (
	key: string,
	communityId: string,
	works: { item_id: string; estimated_cost: string; final_cost: string },
	note: string
) =>
	call<{ change: ChangeRecord; repeated: boolean }>('POST', '/api/changes', {
		key,
		communityId,
		works,
		note
	});
