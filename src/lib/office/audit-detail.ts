/**
 * An audit entry's detail in Chinese, with the English the server stored beside it (issue 20: the keeper's screens in
 * Chinese). The office server writes each detail in English, in one of a few forms (server/auth.ts, api-account.ts,
 * api-console.ts, unlock.ts, app.ts, backup-files.ts, publish.ts, api-conflicts.ts); each form is read here and said in Chinese. A
 * detail in no known form (an error's own message, a list of file names, a refusal already given as 中文 / English)
 * is shown as it is: `null`.
 */
import { worksItem } from '../policy';

/** The detail in both languages, or null when it is in no known form (then shown as stored). */
export interface AuditDetailWords {
	zh: string;
	en: string;
}

/** A console unlock's record (api-console.ts, unlock.ts), as stored. */
interface UnlockRecord {
	unlock?: boolean;
	sources?: string[];
	reset?: boolean;
	from?: string;
	/** An account made or changed (api-account.ts): its role, towns, and whether it was disabled. */
	role?: string;
	towns?: string[];
	disabled?: boolean;
}

const yesNo = (v: boolean | undefined) => (v ? '是' : '否');

/** A release switch's action, as the recovery names it. */
const SWITCH: Readonly<Record<string, string>> = { publish: '发布', rollback: '回滚' };

/** `from S` at the end of a login's detail, said as 来自 S. */
const FROM = /^(.*?),? ?from (\S+)(?: \(now waits (\d+) min there\))?$/;

/** Each form the server writes, and its Chinese (the English kept as stored). */
const FORMS: readonly [RegExp, (m: RegExpMatchArray) => string][] = [
	[/^other sessions ended$/, () => '其他会话已结束'],
	[/^every login limit lifted from the console$/, () => '已在控制台解除全部登录限制'],
	[/^first start$/, () => '首次启动'],
	[/^(\d+) town change\(s\): (.*)$/, (m) => `乡镇填报 ${m[1]} 条：${m[2]}`],
	[/^(\d+) release\(s\), (\d+) files$/, (m) => `${m[1]} 个版本，${m[2]} 个文件`],
	[
		/^(\S+) at (\S+) interrupted by a crash; completed: (.*)$/,
		(m) => `${SWITCH[m[1]!] ?? m[1]}（${m[2]}）因程序崩溃中断；已完成：${m[3] || '无'}`
	],
	[
		/^backup of (\S+) \((\d+) release\(s\), current (\S+)\); (\d+) session\(s\) dropped$/,
		(m) =>
			`恢复 ${m[1]} 的备份（${m[2]} 个版本，当前版本 ${m[3] === 'example' ? '示例数据' : m[3]}）；结束 ${m[4]} 个会话`
	],
	[
		/^upload's value taken over the town's in release (\S+)$/,
		(m) => `采用上传文件的数值，替代乡镇填报（版本 ${m[1]}）`
	],
	[
		/^town's value kept: release (\S+) staged over release (\S+)$/,
		(m) => `保留乡镇填报：在版本 ${m[2]} 的数据上生成新版本 ${m[1]}`
	],
	[
		/^(\d+) town change\(s\) kept over release (\S+): (.*)$/,
		(m) => `在版本 ${m[2]} 的数据上保留乡镇填报 ${m[1]} 条：${m[3]}`
	],
	[
		/^failed uploads past (\d+) days or the newest (\d+): (.*)$/,
		(m) => `清理超过 ${m[1]} 天或不在最新 ${m[2]} 个之内的失败上传：${m[3]}`
	]
];

/**
 * A town's change as api-town.ts writes it: `<change id> <field>`, the field said as the change history says it
 * in Chinese — a point as 小区位置, a works item by the catalogue's name (附件1), not its id.
 */
function changeDetail(detail: string): string | null {
	const point = detail.match(/^(\S+) communities\.point$/);
	if (point) return `乡镇填报 ${point[1]}：小区位置`;
	const m = detail.match(/^(\S+) works\.(\S+)$/);
	if (!m) return null;
	const item = worksItem(m[2]!);
	return item ? `乡镇填报 ${m[1]}：改造项目“${item.name}”` : null;
}

/** The login forms (server/auth.ts): `limit: L, from S`, a refusal's reason `, from S`, or `from S` alone. */
function login(detail: string): string | null {
	const m = detail.match(FROM);
	if (!m) return null;
	const [, before, source, waits] = m;
	const where = `来自 ${source}`;
	const wait = waits ? `（该来源须等待 ${waits} 分钟）` : '';
	if (!before) return where + wait;
	const limit = before.match(/^limit: (\S+)$/);
	if (limit) return `登录次数限制 ${limit[1]}，${where}${wait}`;
	if (before === 'wrong user name or password') return `用户名或密码错误，${where}${wait}`;
	if (before === 'one-time password expired') return `一次性密码已过期，${where}${wait}`;
	return null;
}

/**
 * The detail said in Chinese (and the English as stored), by the entry's action; null when it is in no known form.
 * @param action the entry's action code (login, publish, rollback, …)
 * @param detail the entry's detail as stored
 */
export function auditDetailWords(action: string, detail: string | null): AuditDetailWords | null {
	if (detail === null || detail === '') return null;
	if (detail.startsWith('{')) {
		let r: UnlockRecord;
		try {
			r = JSON.parse(detail) as UnlockRecord;
		} catch {
			return null;
		}
		const where = r.from === 'console' ? '在控制台' : '';
		// a new account always gets a one-time password: not a reset
		if (action === 'account-create')
			return {
				zh: `角色 ${r.role ?? '—'}${r.towns?.length ? `，所辖 ${r.towns.join('、')}` : ''}；已发一次性密码`,
				en: detail
			};
		if (r.unlock)
			return {
				zh: `${where}解除登录限制：来源 ${(r.sources ?? []).join('、') || '全部'}；重置密码：${yesNo(r.reset)}`,
				en: detail
			};
		if (r.reset) return { zh: `${where}重置密码`, en: detail };
		return null;
	}
	if (action === 'publish' || action === 'rollback') {
		const m = detail.match(/^from (\S+)$/);
		if (m) return { zh: `此前为 ${m[1] === 'example' ? '示例数据' : m[1]}`, en: detail };
	}
	if (action === 'change-review') {
		// api-town.ts: `accepted` or `returned: <the keeper's note>`
		const m = detail.match(/^(accepted|returned)(?:: ([\s\S]*))?$/);
		if (m) return { zh: `${m[1] === 'accepted' ? '接受' : '退回'}${m[2] ? `：${m[2]}` : ''}`, en: detail };
	}
	if (action === 'change') {
		// api-town.ts: `<change id> <field>`
		const zh = changeDetail(detail);
		if (zh) return { zh, en: detail };
	}
	if (action === 'login' || action === 'password') {
		const zh = login(detail);
		if (zh) return { zh, en: detail };
	}
	for (const [form, say] of FORMS) {
		const m = detail.match(form);
		if (m) return { zh: say(m), en: detail };
	}
	return null;
}
