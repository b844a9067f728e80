// A refused login says the wait its Retry-After header gives (trial finding: "1 minute(s)" beside Retry-After: 26).
import { describe, expect, it } from 'vitest';
import { tooManyLogins, waitWords } from './login-wait';

describe('the wait in a refused login’s words', () => {
	it('says 26 seconds when Retry-After is 26, not a minute', () => {
		expect(tooManyLogins(26)).toEqual({
			zh: '登录尝试过多，请 26 秒后再试；管理员可在服务器上运行 npm run unlock 解除',
			en: 'too many login attempts: try again in 26 seconds; an admin can lift this on the server with npm run unlock'
		});
	});

	it('counts seconds to two minutes, minutes and seconds to two hours, then hours and minutes', () => {
		expect(waitWords(1)).toEqual({ zh: '1 秒', en: '1 second' });
		expect(waitWords(60)).toEqual({ zh: '60 秒', en: '60 seconds' });
		expect(waitWords(119)).toEqual({ zh: '119 秒', en: '119 seconds' });
		expect(waitWords(120)).toEqual({ zh: '2 分钟', en: '2 minutes' });
		// the name-and-source lock (lockSeconds 900), a little after it began
		expect(waitWords(900)).toEqual({ zh: '15 分钟', en: '15 minutes' });
		expect(waitWords(873)).toEqual({ zh: '14 分 33 秒', en: '14 min 33 s' });
		// the source's day: 86,040 s = 1,434 min = 23 h 54 min; 86,041 s rounds up to 23 h 55 min
		expect(waitWords(86_040)).toEqual({ zh: '23 小时 54 分', en: '23 h 54 min' });
		expect(waitWords(86_041)).toEqual({ zh: '23 小时 55 分', en: '23 h 55 min' });
		expect(waitWords(7200)).toEqual({ zh: '2 小时', en: '2 hours' });
	});
});
