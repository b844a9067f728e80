// The audit log's details in Chinese first (issue 20: the keeper's screens in Chinese): each form the office server
// writes (the strings here are built as server/auth.ts, api-account.ts, api-console.ts, unlock.ts, app.ts,
// backup-files.ts and publish.ts build them), said in Chinese with the stored English beside; other details as stored.
import { describe, expect, it } from 'vitest';
import { auditDetailWords } from './audit-detail';

const zh = (action: string, detail: string | null) => auditDetailWords(action, detail)?.zh ?? null;

describe('audit details in Chinese', () => {
	it('logins (auth.ts, api-account.ts)', () => {
		expect(zh('login', 'from 127.0.0.1')).toBe('来自 127.0.0.1');
		expect(zh('login', 'limit: 5/15min, from 10.0.0.2')).toBe('登录次数限制 5/15min，来自 10.0.0.2');
		expect(zh('login', 'wrong user name or password, from 10.0.0.2 (now waits 15 min there)')).toBe(
			'用户名或密码错误，来自 10.0.0.2（该来源须等待 15 分钟）'
		);
		expect(zh('login', 'one-time password expired, from 10.0.0.2')).toBe('一次性密码已过期，来自 10.0.0.2');
		expect(zh('password', 'other sessions ended')).toBe('其他会话已结束');
		expect(auditDetailWords('login', 'from 127.0.0.1')!.en).toBe('from 127.0.0.1');
	});

	it('the console (api-console.ts, unlock.ts)', () => {
		expect(zh('account-change', 'every login limit lifted from the console')).toBe(
			'已在控制台解除全部登录限制'
		);
		expect(
			zh(
				'account-change',
				JSON.stringify({ unlock: true, sources: ['10.0.0.2'], reset: true, from: 'console' })
			)
		).toBe('在控制台解除登录限制：来源 10.0.0.2；重置密码：是');
		expect(zh('password', JSON.stringify({ reset: true, from: 'console' }))).toBe('在控制台重置密码');
	});

	it('releases, backups and recovery (publish.ts, app.ts, backup-files.ts)', () => {
		expect(zh('publish', 'from example')).toBe('此前为 示例数据');
		expect(zh('rollback', 'from r-2024-06-30')).toBe('此前为 r-2024-06-30');
		expect(zh('backup', '3 release(s), 41 files')).toBe('3 个版本，41 个文件');
		expect(zh('account-create', 'first start')).toBe('首次启动');
		expect(zh('recover', 'publish at 2024-07-01T08:00:00Z interrupted by a crash; completed: current')).toBe(
			'发布（2024-07-01T08:00:00Z）因程序崩溃中断；已完成：current'
		);
		expect(
			zh('restore', 'backup of 2024-07-01T08:00:00Z (2 release(s), current example); 3 session(s) dropped')
		).toBe('恢复 2024-07-01T08:00:00Z 的备份（2 个版本，当前版本 示例数据）；结束 3 个会话');
		expect(zh('prune', 'failed uploads past 30 days or the newest 20: u1, u2')).toBe(
			'清理超过 30 天或不在最新 20 个之内的失败上传：u1, u2'
		);
	});

	it('conflicts with the towns’ changes decided (server/api-conflicts.ts)', () => {
		expect(zh('conflict', "upload's value taken over the town's in release 20261207-130000-abcdef")).toBe(
			'采用上传文件的数值，替代乡镇填报（版本 20261207-130000-abcdef）'
		);
		expect(zh('conflict', "town's value kept: release r-2 staged over release r-1")).toBe(
			'保留乡镇填报：在版本 r-1 的数据上生成新版本 r-2'
		);
		expect(zh('import', '2 town change(s) kept over release r-1: c-1, c-2')).toBe(
			'在版本 r-1 的数据上保留乡镇填报 2 条：c-1, c-2'
		);
	});

	it('a detail in no known form is shown as stored', () => {
		expect(auditDetailWords('import', '旧改台账.xlsx, 说明.csv')).toBeNull();
		expect(auditDetailWords('backup', 'EACCES: permission denied')).toBeNull();
		expect(auditDetailWords('login', null)).toBeNull();
	});

	it('accounts made and the towns’ changes reviewed and staged (api-account.ts, api-town.ts)', () => {
		expect(zh('account-create', JSON.stringify({ role: 'keeper', towns: [], reset: true }))).toBe(
			'角色 keeper；已发一次性密码'
		);
		expect(
			zh('account-create', JSON.stringify({ role: 'town', towns: ['城东街道', '乐成街道'], reset: true }))
		).toBe('角色 town，所辖 城东街道、乐成街道；已发一次性密码');
		expect(zh('account-change', JSON.stringify({ role: 'viewer', reset: true }))).toBe('重置密码');
		expect(zh('change-review', 'accepted')).toBe('接受');
		expect(zh('change-review', 'returned: 日期填错了, 请核对')).toBe('退回：日期填错了, 请核对');
		expect(zh('import', '2 town change(s): c-1, c-2')).toBe('乡镇填报 2 条：c-1, c-2');
	});

	it('a town’s works item recorded (api-town.ts: `<id> works.<item>`), by the catalogue’s name (附件1)', () => {
		expect(zh('change', 'c-20261207-0a1b2c3d4e5f works.building.basic.1.1')).toBe(
			'乡镇填报 c-20261207-0a1b2c3d4e5f：改造项目“屋面防漏维修”'
		);
		// an id the catalogue does not have is shown as stored
		expect(auditDetailWords('change', 'c-1 works.building.basic.9.9')).toBeNull();
	});
});
