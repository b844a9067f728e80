/** Why a verdict is what it is: a stable code, the clause of 乐政办发〔2023〕47号 behind it, and its text in Chinese. */
export interface Reason {
	/** Stable machine code, e.g. `built-by-cutoff`; views and tests match on this. */
	code: string;
	/** The clause of the policy that decides it, e.g. `§二(一)`, `§三(一)`, `§五(二)1`, `附件1`. */
	clause: string;
	/** One line in Chinese for people, e.g. `2000年底前建成，属重点改造范围`. */
	text: string;
	/** The same line in English, for the `en` interface. */
	en: string;
}

/** Thrown for input no real community can have (a vote tally above its total, a negative area); names the field. */
export class PolicyInputError extends Error {
	override readonly name = 'PolicyInputError';
	readonly field: string;

	constructor(field: string, message: string) {
		super(`${field}: ${message}`);
		this.field = field;
	}
}

export function reason(code: string, clause: string, text: string, en: string): Reason {
	return { code, clause, text, en };
}
