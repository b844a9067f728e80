// Which of many needles occur in a text, in one pass over it: an Aho–Corasick automaton over UTF-16 code units,
// so a needle is found exactly when `text.includes(needle)` holds — inside a longer string, at the text's start or
// end, overlapping another needle, across the chunks of a text fed in parts (the state carries over), whatever the
// characters (CJK, surrogate pairs, combining marks: code units, no grapheme or word boundaries).
// The leak scan's matcher (src/node/leak-scan.ts): one pass per published file instead of one `includes` per
// internal value per file. Own code, not an npm package: see README, "Leak scan".
// The trie is built from the needles sorted, so each node's children are made in code-unit order and stored as one
// flat, sorted run (typed arrays; no object per node): a transition is a binary search in its node's run.

/** A compiled set of needles; `scanner()` starts a search over one text. */
export class NeedleSet {
	/** The distinct needles, sorted; a needle's number is its place here. */
	readonly needles: readonly string[];
	private readonly index = new Map<string, number>();
	/** Children of node n: labels/targets [first[n], first[n + 1]), labels ascending. */
	private readonly first: Int32Array;
	private readonly labels: Uint16Array;
	private readonly targets: Int32Array;
	private readonly fail: Int32Array;
	/** The needle ending at a node, or -1. */
	private readonly ends: Int32Array;
	/** The nearest node on the failure chain (itself excluded) where a needle ends, or -1. */
	private readonly nextEnd: Int32Array;

	/** Empty needles are left out (`includes('')` is always true: no use to a scan). */
	constructor(needles: Iterable<string>) {
		this.needles = [...new Set(needles)].filter((n) => n.length > 0).sort();
		this.needles.forEach((n, i) => this.index.set(n, i));
		let total = 1;
		for (const n of this.needles) total += n.length;
		// 1. the trie in depth-first order: a needle shares its prefix with the one before it (sorted)
		const parent = new Int32Array(total);
		const label = new Uint16Array(total);
		const ends = new Int32Array(total).fill(-1);
		const path: number[] = [0];
		let nodes = 1;
		let previous = '';
		this.needles.forEach((n, id) => {
			let common = 0;
			while (
				common < previous.length &&
				common < n.length &&
				n.charCodeAt(common) === previous.charCodeAt(common)
			)
				common++;
			path.length = common + 1;
			for (let d = common; d < n.length; d++) {
				parent[nodes] = path[d]!;
				label[nodes] = n.charCodeAt(d);
				path.push(nodes++);
			}
			ends[path[n.length]!] = id;
			previous = n;
		});
		// 2. children as runs: siblings were made in ascending order of label, so node order keeps them sorted
		const first = new Int32Array(nodes + 1);
		for (let v = 1; v < nodes; v++) first[parent[v]! + 1] = first[parent[v]! + 1]! + 1;
		for (let v = 0; v < nodes; v++) first[v + 1] = first[v + 1]! + first[v]!;
		const cursor = first.slice(0, nodes);
		const labels = new Uint16Array(Math.max(nodes - 1, 0));
		const targets = new Int32Array(Math.max(nodes - 1, 0));
		for (let v = 1; v < nodes; v++) {
			const p = parent[v]!;
			const at = cursor[p]!;
			cursor[p] = at + 1;
			labels[at] = label[v]!;
			targets[at] = v;
		}
		this.first = first;
		this.labels = labels;
		this.targets = targets;
		this.ends = ends.subarray(0, nodes);
		// 3. failure links, breadth first (a node's link is shallower, so already known)
		const fail = new Int32Array(nodes);
		const nextEnd = new Int32Array(nodes).fill(-1);
		const queue = new Int32Array(nodes);
		let head = 0;
		let tail = 0;
		for (let i = first[0]!; i < first[1]!; i++) queue[tail++] = targets[i]!;
		while (head < tail) {
			const v = queue[head++]!;
			for (let i = first[v]!; i < first[v + 1]!; i++) {
				const child = targets[i]!;
				const c = labels[i]!;
				let f = fail[v]!;
				let to = this.child(f, c);
				while (to < 0 && f !== 0) {
					f = fail[f]!;
					to = this.child(f, c);
				}
				fail[child] = to < 0 ? 0 : to;
				const g = fail[child]!;
				nextEnd[child] = this.ends[g]! >= 0 ? g : nextEnd[g]!;
				queue[tail++] = child;
			}
		}
		this.fail = fail;
		this.nextEnd = nextEnd;
	}

	/** Node v's child by code unit c, or -1. */
	private child(v: number, c: number): number {
		let lo = this.first[v]!;
		let hi = this.first[v + 1]! - 1;
		while (lo <= hi) {
			const mid = (lo + hi) >>> 1;
			const l = this.labels[mid]!;
			if (l === c) return this.targets[mid]!;
			if (l < c) lo = mid + 1;
			else hi = mid - 1;
		}
		return -1;
	}

	/** A search over one text, fed in one or more chunks. */
	scanner(): NeedleScanner {
		let state = 0;
		const found = new Uint8Array(this.needles.length);
		let count = 0;
		return {
			feed: (chunk: string) => {
				const { fail, ends, nextEnd } = this;
				for (let i = 0; i < chunk.length; i++) {
					const c = chunk.charCodeAt(i);
					let to = this.child(state, c);
					while (to < 0 && state !== 0) {
						state = fail[state]!;
						to = this.child(state, c);
					}
					state = to < 0 ? 0 : to;
					// every needle ending here: this node's and its failure chain's. A needle already found had its
					// chain marked then, so the walk stops at the first one found before.
					let v = ends[state]! >= 0 ? state : nextEnd[state]!;
					while (v >= 0 && !found[ends[v]!]) {
						found[ends[v]!] = 1;
						count++;
						v = nextEnd[v]!;
					}
				}
			},
			has: (needle: string) => {
				const i = this.index.get(needle);
				return i !== undefined && found[i] === 1;
			},
			found: () => this.needles.filter((_, i) => found[i] === 1),
			get count() {
				return count;
			}
		};
	}
}

export interface NeedleScanner {
	/** The next part of the text (a needle may span parts). */
	feed(chunk: string): void;
	/** Whether `needle` (one of the set's) occurs in what was fed so far. */
	has(needle: string): boolean;
	/** The set's needles that occur, sorted. */
	found(): string[];
	/** How many distinct needles occur. */
	readonly count: number;
}
