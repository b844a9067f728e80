/** Why a community is or is not funded in a year, in words (zh / en), from the simulation's reason codes. */
import type { Lang } from '../i18n/format';
import { date, money } from '../i18n/format';
import type { OutcomeReason } from './simulate';

export function reasonText(r: OutcomeReason, lang: Lang): string {
	const zh = lang === 'zh';
	switch (r.code) {
		case 'planned':
			return zh
				? `已列入${r.year}年计划（数据所载事实，非预测）`
				: `in the ${r.year} plan already (a fact of the data, not a forecast)`;
		case 'not-in-plan':
			return zh
				? `${r.year}年计划已确定，未列入；等待下一年（§三(四)）`
				: `the ${r.year} plan is already decided without it; it waits for the next year (§三(四))`;
		case 'funded':
			return zh
				? `${r.year}年安排，当年第${r.rank}位（共${r.of}个）；安排后预算余${money(r.left)}（§五(三) 资金先到位者优先）`
				: `funded in ${r.year}, ${r.rank} of ${r.of}; ${money(r.left, 'en')} left after it (§五(三): the earliest funded first)`;
		case 'budget-strict':
			return zh
				? `${r.year}年预算不足：按顺序安排，排在未能安排的“${r.after}”之后（顺序填充）`
				: `${r.year} budget short: in rank order, behind ${r.after}, which did not fit (strict fill)`;
		case 'budget-skip':
			return zh
				? `${r.year}年预算余额${money(r.left)}不足以安排其补助`
				: `the ${r.year} budget left (${money(r.left, 'en')}) is less than its subsidy`;
		case 'not-ready':
			return zh
				? `居民资金预计晚于${date(r.deadline)}到位，${r.year}年前无法列入计划（§三(四) 5月31日规则）`
				: `residents' funds expected after ${date(r.deadline, 'en')}: too late for the ${r.year} plan (§三(四), the 31 May rule)`;
		case 'no-funds-forecast':
			return zh
				? '按当前通过率预测，申请表决多次未通过，居民资金无法到位'
				: 'the application vote is forecast to fail repeatedly: funds never complete';
	}
}
