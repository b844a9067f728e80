// Names that look like 乐清's (stems borrowed from the real 村/社区 of each town) but belong to no real community.
import type { Random } from '../../lib/util/random';

const SUFFIXES = [
	'小区',
	'新村',
	'花苑',
	'公寓',
	'宿舍',
	'花园',
	'大厦',
	'一区',
	'二区',
	'三区',
	'苑',
	'新苑'
];
const GENERIC_STEMS = [
	'锦绣',
	'明珠',
	'康乐',
	'幸福',
	'建设',
	'工人',
	'文化',
	'育才',
	'振兴',
	'和平',
	'丰收',
	'阳光',
	'朝阳',
	'新华',
	'人民',
	'向阳'
];
const SURNAMES = '陈王林张李郑黄吴徐周叶金赵朱胡刘潘钱施郭何蔡'.split('');
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国海燕玲志红'.split('');
const ROLES = ['社区书记', '业委会主任', '自治小组组长', '乡镇旧改专员'];

/** The stem of a 村/社区 name: 旭阳社区 → 旭阳, 土墩塘村委会 → 土墩塘. */
export function stemOf(name: string): string {
	return name.replace(/(社区居委会|社区|村委会|居委会|村)$/, '');
}

export class NameMaker {
	readonly #used = new Set<string>();
	readonly #usedAddresses = new Set<string>();
	readonly #rng: Random;

	constructor(rng: Random, reserved: readonly string[] = []) {
		this.#rng = rng;
		for (const r of reserved) this.#used.add(r);
	}

	/** A community name unique in the dataset, from the town's stems. */
	community(stems: readonly string[]): string {
		const pool = stems.length > 0 ? stems : GENERIC_STEMS;
		for (let attempt = 0; attempt < 12; attempt++) {
			const stem = this.#rng.chance(0.8) ? this.#rng.pick(pool) : this.#rng.pick(GENERIC_STEMS);
			const name = stem + this.#rng.pick(SUFFIXES);
			if (!this.#used.has(name)) {
				this.#used.add(name);
				return name;
			}
		}
		// Crowded (national-scale runs): number the phases.
		const base = this.#rng.pick(pool) + this.#rng.pick(SUFFIXES);
		for (let n = 2; ; n++) {
			const name = `${base}${n}期`;
			if (!this.#used.has(name)) {
				this.#used.add(name);
				return name;
			}
		}
	}

	/** A street address, never one given before (a real ledger's duplicate check refuses two at one address). */
	address(townName: string, stems: readonly string[]): string {
		const road =
			(stems.length > 0 ? this.#rng.pick(stems) : this.#rng.pick(GENERIC_STEMS)) +
			this.#rng.pick(['路', '街', '大道', '巷']);
		const first = `乐清市${townName}${road}${this.#rng.int(1, 399)}号`;
		// crowded (national-scale runs): the next free number on the same road, no extra draw
		let address = first;
		for (let n = 400; this.#usedAddresses.has(address); n++) address = `乐清市${townName}${road}${n}号`;
		this.#usedAddresses.add(address);
		return address;
	}

	person(): string {
		const given = this.#rng.pick(GIVEN) + (this.#rng.chance(0.6) ? this.#rng.pick(GIVEN) : '');
		return this.#rng.pick(SURNAMES) + given;
	}

	phone(): string {
		let digits = this.#rng.pick(['13', '15', '17', '18']);
		for (let i = 0; i < 9; i++) digits += String(this.#rng.int(0, 9));
		return digits;
	}

	role(i: number): string {
		return ROLES[i % ROLES.length]!;
	}
}
