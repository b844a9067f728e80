import { CN_CALENDAR, dayToIso, isoToDay, WorkingDays, type WorkCalendar } from './calendar';
import { type PolicyParams } from './params';
import { PolicyInputError } from './reason';

export interface PublicityWindow {
	start: string;
	/** The last of the minimum working days: the publicity may end on this day at the earliest. */
	end: string;
	/** The working days counted, in order. */
	workingDays: string[];
	/** Years the window touches whose holidays the calendar does not know (the end may then be too early). */
	unknownYears: number[];
}

/**
 * The publicity window of a design scheme — §三(三): at least 7 working days. The start counts as day 1 when it is
 * a working day; weekends are not working days unless listed as 调休 workdays; holidays are not.
 */
export function publicityWindow(
	start: string,
	params: PolicyParams,
	calendar: WorkCalendar = CN_CALENDAR
): PublicityWindow {
	const min = params.publicityMinWorkingDays;
	if (!Number.isInteger(min) || min < 1) {
		throw new PolicyInputError(
			'publicityMinWorkingDays',
			`应为正整数 / must be a positive whole number (${min})`
		);
	}
	const days = new WorkingDays(calendar);
	const workingDays: string[] = [];
	const unknownYears = new Set<number>();
	let day = isoToDay(start, 'start');
	for (; ; day++) {
		if (!days.knowsYear(day)) unknownYears.add(Number(dayToIso(day).slice(0, 4)));
		if (days.isWorkingDay(day)) {
			workingDays.push(dayToIso(day));
			if (workingDays.length >= min) break;
		}
	}
	return { start, end: dayToIso(day), workingDays, unknownYears: [...unknownYears] };
}

/** The 7th working day of a publicity that starts on `start` — §三(三). */
export function earliestPublicityEnd(
	start: string,
	params: PolicyParams,
	calendar: WorkCalendar = CN_CALENDAR
): string {
	return publicityWindow(start, params, calendar).end;
}

/** Working days from `start` to `end`, both included — to check a publicity that has run (§三(三)). */
export function countWorkingDays(start: string, end: string, calendar: WorkCalendar = CN_CALENDAR): number {
	const days = new WorkingDays(calendar);
	const last = isoToDay(end, 'end');
	let n = 0;
	for (let day = isoToDay(start, 'start'); day <= last; day++) if (days.isWorkingDay(day)) n++;
	return n;
}
