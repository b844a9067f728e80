import holidayData from './cn-holidays.json';
import { PolicyInputError } from './reason';

/** Which days are not working days beyond weekends, and which weekend days are (调休上班). ISO dates. */
export interface WorkCalendar {
	/** Public holidays (放假). */
	holidays?: readonly string[];
	/** Weekend days that are working days (调休上班). */
	workdays?: readonly string[];
	/** The years whose holidays are known; a date in another year is flagged, since its holidays may be missing. */
	years?: readonly number[];
}

interface HolidayFile {
	years: Record<string, { holidays: string[]; workdays: string[] }>;
}

/** Mainland China's calendar as announced by the State Council for 2024–2026 (see data/README.md). */
export const CN_CALENDAR: WorkCalendar = fromHolidayFile(holidayData as HolidayFile);

/** A calendar from a file shaped like `cn-holidays.json` (`years: { "2027": { holidays, workdays } }`). */
export function fromHolidayFile(file: HolidayFile): WorkCalendar {
	const years = Object.keys(file.years).map(Number);
	const entries = Object.values(file.years);
	return Object.freeze({
		holidays: Object.freeze(entries.flatMap((y) => y.holidays)),
		workdays: Object.freeze(entries.flatMap((y) => y.workdays)),
		years: Object.freeze(years)
	});
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for a valid ISO date; throws `PolicyInputError` naming `field` otherwise. */
export function isoToDay(date: string, field: string): number {
	const m = ISO_DATE.exec(date);
	const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
	if (!m || Number.isNaN(ms) || dayToIso(ms / DAY_MS) !== date) {
		throw new PolicyInputError(
			field,
			`不是有效日期（应为 YYYY-MM-DD）/ not a valid date, expected YYYY-MM-DD (${date})`
		);
	}
	return ms / DAY_MS;
}

export function dayToIso(day: number): string {
	return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** A calendar's days as sets, for repeated look-ups. */
export class WorkingDays {
	readonly #holidays: Set<string>;
	readonly #workdays: Set<string>;
	readonly #years: Set<number> | undefined;

	constructor(calendar: WorkCalendar) {
		this.#holidays = new Set(calendar.holidays ?? []);
		this.#workdays = new Set(calendar.workdays ?? []);
		this.#years = calendar.years ? new Set(calendar.years) : undefined;
	}

	isWorkingDay(day: number): boolean {
		const iso = dayToIso(day);
		if (this.#workdays.has(iso)) return true;
		if (this.#holidays.has(iso)) return false;
		const weekday = new Date(day * DAY_MS).getUTCDay();
		return weekday !== 0 && weekday !== 6;
	}

	/** Whether the calendar knows the holidays of the year of `day` (always true when it names no years). */
	knowsYear(day: number): boolean {
		return this.#years === undefined || this.#years.has(Number(dayToIso(day).slice(0, 4)));
	}
}
