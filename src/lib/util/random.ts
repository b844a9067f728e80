/**
 * A small seeded random generator (sfc32, seeded through splitmix32), so the example data and the Monte Carlo
 * are the same on every machine for the same seed. Not for anything secret.
 */
export class Random {
	#a: number;
	#b: number;
	#c: number;
	#d: number;

	constructor(seed: number) {
		let s = seed >>> 0;
		const split = () => {
			s = (s + 0x9e3779b9) >>> 0;
			let z = s;
			z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
			z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
			return (z ^ (z >>> 16)) >>> 0;
		};
		this.#a = split();
		this.#b = split();
		this.#c = split();
		this.#d = split();
		for (let i = 0; i < 12; i++) this.next();
	}

	/** A float in [0, 1). */
	next(): number {
		const t = (((this.#a + this.#b) >>> 0) + this.#d) >>> 0;
		this.#d = (this.#d + 1) >>> 0;
		this.#a = this.#b ^ (this.#b >>> 9);
		this.#b = (this.#c + (this.#c << 3)) >>> 0;
		this.#c = ((this.#c << 21) | (this.#c >>> 11)) >>> 0;
		this.#c = (this.#c + t) >>> 0;
		return t / 4294967296;
	}

	/** An integer in [min, max], both included. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	/** A float in [min, max). */
	uniform(min: number, max: number): number {
		return min + this.next() * (max - min);
	}

	/** True with probability p. */
	chance(p: number): boolean {
		return this.next() < p;
	}

	/** A normal deviate (Box–Muller). */
	normal(mean = 0, sd = 1): number {
		const u = 1 - this.next();
		const v = this.next();
		return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
	}

	pick<T>(items: readonly T[]): T {
		if (items.length === 0) throw new Error('pick from an empty list');
		return items[Math.floor(this.next() * items.length)]!;
	}

	/** One of `items`, chosen with the given non-negative weights. */
	weighted<T>(items: readonly T[], weights: readonly number[]): T {
		const total = weights.reduce((a, b) => a + b, 0);
		let r = this.next() * total;
		for (let i = 0; i < items.length; i++) {
			r -= weights[i]!;
			if (r < 0) return items[i]!;
		}
		return items[items.length - 1]!;
	}
}
