// What a refused login says about its wait: the Retry-After it is sent with, in words (zh and en).

/**
 * A wait of `seconds` (whole, ≥ 0) in words: seconds under two minutes ("26 秒", "26 seconds"), minutes and seconds
 * under two hours ("14 分 33 秒", "14 min 33 s"; "15 分钟", "15 minutes" when whole), else hours and minutes with
 * the seconds rounded up to the next minute ("23 小时 54 分", "23 h 54 min").
 */
export function waitWords(seconds: number): { zh: string; en: string } {
	const s = Math.max(0, Math.ceil(seconds));
	if (s < 120) return { zh: `${s} 秒`, en: `${s} second${s === 1 ? '' : 's'}` };
	if (s < 7200) {
		const [m, r] = [Math.floor(s / 60), s % 60];
		return r === 0
			? { zh: `${m} 分钟`, en: `${m} minutes` }
			: { zh: `${m} 分 ${r} 秒`, en: `${m} min ${r} s` };
	}
	const minutes = Math.ceil(s / 60);
	const [h, m] = [Math.floor(minutes / 60), minutes % 60];
	return m === 0 ? { zh: `${h} 小时`, en: `${h} hours` } : { zh: `${h} 小时 ${m} 分`, en: `${h} h ${m} min` };
}

/** The refusal of a login over its limits, saying the wait its Retry-After header gives (`retryAfterSeconds`). */
export function tooManyLogins(retryAfterSeconds: number): { zh: string; en: string } {
	const wait = waitWords(retryAfterSeconds);
	return {
		zh: `登录尝试过多，请 ${wait.zh}后再试；管理员可在服务器上运行 npm run unlock 解除`,
		en: `too many login attempts: try again in ${wait.en}; an admin can lift this on the server with npm run unlock`
	};
}
