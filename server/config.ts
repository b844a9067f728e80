// The office server's settings, all from the environment (README: "The office server").
import { resolve } from 'node:path';
import type { FailedRetention } from './releases';

export interface ServerConfig {
	/** TCP port (PORT, default 4173). */
	port: number;
	/** Listen address (HOST, default 127.0.0.1: put a reverse proxy in front for the intranet). */
	host: string;
	/** Releases and the store (DATA_DIR, default ./office-data). */
	dataDir: string;
	/** Where `npm run backup` writes (BACKUP_DIR, default ./office-backups); kept private (0700) at every start. */
	backupDir: string;
	/** Failed uploads kept: the newest FAILED_UPLOADS_KEEP (default 20), none older than FAILED_UPLOADS_DAYS (30). */
	failedUploads: FailedRetention;
	/** The built dashboard (BUILD_DIR, default ./build). */
	buildDir: string;
	/** The data served before any release is published, read live so `npm run data` shows without a rebuild
	 *  (EXAMPLE_DATA_DIR, default ./static/data). */
	exampleDataDir: string;
	/** Session lifetime without activity, seconds (SESSION_TTL_SECONDS, default 8 h). */
	sessionTtlSeconds: number;
	/** Wrong passwords in a row for one name from one source before that name waits there (LOCKOUT_FAILURES,
	 *  default 5; login-limits.ts). */
	lockoutFailures: number;
	/** How long it waits, seconds (LOCKOUT_SECONDS, default 15 min). */
	lockoutSeconds: number;
	/** Login attempts a minute from one source (LOGIN_PER_SOURCE_PER_MINUTE, default 10). */
	loginPerSourcePerMinute: number;
	/** Login attempts a minute from all sources together (LOGIN_PER_MINUTE, default 60). */
	loginPerMinute: number;
	/** Wrong passwords a day from one source before it waits out the day (LOGIN_SOURCE_FAILURES_PER_DAY, 100). */
	loginSourceFailuresPerDay: number;
	/** A one-time password (new account, reset) works this long, hours (ONE_TIME_PASSWORD_HOURS, default 72). */
	oneTimePasswordHours: number;
	/** The names this server answers to in `Host` and `Origin` (ALLOWED_HOSTS, comma-separated, `name` or
	 *  `name:port`; besides localhost, 127.0.0.1, [::1] and HOST). Anything else is refused (DNS rebinding). */
	allowedHosts: string[];
	/** Proxies whose `X-Forwarded-For` names the client (TRUSTED_PROXIES, comma-separated addresses; default none:
	 *  the login limits then count the proxy as the one source). */
	trustedProxies: string[];
	/** Upload limits: bytes in one request (MAX_UPLOAD_MB, default 100) and files (MAX_UPLOAD_FILES, default 20). */
	maxUploadBytes: number;
	maxUploadFiles: number;
	/** Validation of an upload may take this long before it is stopped (VALIDATE_SECONDS, default 300), and this
	 *  much memory (VALIDATE_MEMORY_MB, default 3072: the importer's process, killed past it). */
	validateSeconds: number;
	validateMemoryMB: number;
	/** Validations at once (VALIDATE_CONCURRENT, default 1), uploads waiting (VALIDATE_QUEUE, default 10), and a
	 *  keeper's uploads validating or waiting (VALIDATE_PER_USER, default 3). server/validations.ts. */
	validateConcurrent: number;
	validateQueue: number;
	validatePerUser: number;
	/** The query door: time limit (QUERY_SECONDS, default 10), row limit (QUERY_MAX_ROWS, default 200000) and
	 *  result size (QUERY_MAX_MB, default 64) of one query. */
	queryMs: number;
	queryMaxRows: number;
	queryMaxBytes: number;
	/** Query processes (QUERY_CONCURRENT, default 2), each under QUERY_MEMORY_MB (default 1024) with
	 *  QUERY_THREADS DuckDB threads (default 1); a user's queries running or waiting (QUERY_PER_USER, default 8);
	 *  queries waiting in all (QUERY_QUEUE, default 32). server/query-pool.ts. */
	queryProcesses: number;
	queryMemoryMB: number;
	queryThreads: number;
	queryPerUser: number;
	queryQueue: number;
	/** Live-update streams (/api/release/events) open at once: in all (EVENTS_MAX; default a quarter of the
	 *  open-file limit, at most 1000) and per user or client address (EVENTS_PER_SOURCE, default 16). */
	eventsMax?: number;
	eventsPerSource: number;
	/** Mark cookies Secure (COOKIE_SECURE=1) when the proxy serves HTTPS. */
	secureCookies: boolean;
	/** The time in ms (Date.now; tests pass their own to step past a session's end without waiting). */
	clock: () => number;
	/** Fault injection for the tests only (OFFICE_FAULT=<step>, server/faults.ts): the process kills itself on
	 *  reaching that step (the crash tests); throw-in-request: a request with ?fault throws from a callback (the
	 *  process guard's test). */
	fault?: string;
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
	const raw = env[name];
	if (raw === undefined || raw === '') return fallback;
	const n = Number(raw);
	if (!Number.isFinite(n) || n <= 0)
		throw new Error(
			`环境变量 ${name} 应为正数，实为“${raw}” / ${name} must be a positive number, got "${raw}"`
		);
	return n;
}

const list = (raw: string | undefined): string[] =>
	(raw ?? '')
		.split(',')
		.map((s) => s.trim().toLowerCase())
		.filter(Boolean);

/** The configuration from `env` (process.env by default); a bad value is refused naming the variable. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
	return {
		port: int(env, 'PORT', 4173),
		host: env.HOST || '127.0.0.1',
		dataDir: resolve(env.DATA_DIR || 'office-data'),
		backupDir: resolve(env.BACKUP_DIR || 'office-backups'),
		failedUploads: {
			keep: int(env, 'FAILED_UPLOADS_KEEP', 20),
			days: int(env, 'FAILED_UPLOADS_DAYS', 30)
		},
		buildDir: resolve(env.BUILD_DIR || 'build'),
		exampleDataDir: resolve(env.EXAMPLE_DATA_DIR || 'static/data'),
		sessionTtlSeconds: int(env, 'SESSION_TTL_SECONDS', 8 * 3600),
		lockoutFailures: int(env, 'LOCKOUT_FAILURES', 5),
		lockoutSeconds: int(env, 'LOCKOUT_SECONDS', 15 * 60),
		loginPerSourcePerMinute: int(env, 'LOGIN_PER_SOURCE_PER_MINUTE', 10),
		loginPerMinute: int(env, 'LOGIN_PER_MINUTE', 60),
		loginSourceFailuresPerDay: int(env, 'LOGIN_SOURCE_FAILURES_PER_DAY', 100),
		oneTimePasswordHours: int(env, 'ONE_TIME_PASSWORD_HOURS', 72),
		allowedHosts: list(env.ALLOWED_HOSTS),
		trustedProxies: list(env.TRUSTED_PROXIES),
		maxUploadBytes: int(env, 'MAX_UPLOAD_MB', 100) * 1024 * 1024,
		maxUploadFiles: int(env, 'MAX_UPLOAD_FILES', 20),
		validateSeconds: int(env, 'VALIDATE_SECONDS', 300),
		validateMemoryMB: int(env, 'VALIDATE_MEMORY_MB', 3072),
		validateConcurrent: int(env, 'VALIDATE_CONCURRENT', 1),
		validateQueue: int(env, 'VALIDATE_QUEUE', 10),
		validatePerUser: int(env, 'VALIDATE_PER_USER', 3),
		queryMs: int(env, 'QUERY_SECONDS', 10) * 1000,
		queryMaxRows: int(env, 'QUERY_MAX_ROWS', 200_000),
		queryMaxBytes: int(env, 'QUERY_MAX_MB', 64) * 1024 * 1024,
		queryProcesses: int(env, 'QUERY_CONCURRENT', 2),
		queryMemoryMB: int(env, 'QUERY_MEMORY_MB', 1024),
		queryThreads: int(env, 'QUERY_THREADS', 1),
		queryPerUser: int(env, 'QUERY_PER_USER', 8),
		queryQueue: int(env, 'QUERY_QUEUE', 32),
		eventsMax: env.EVENTS_MAX ? int(env, 'EVENTS_MAX', 1000) : undefined,
		eventsPerSource: int(env, 'EVENTS_PER_SOURCE', 16),
		secureCookies: env.COOKIE_SECURE === '1',
		clock: Date.now,
		fault: env.OFFICE_FAULT || undefined
	};
}
