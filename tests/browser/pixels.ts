import { PNG } from 'pngjs';

/** How many pixels of a PNG are within `tolerance` of each RGB colour. */
export function countColours(
	png: Buffer,
	colours: readonly (readonly [number, number, number])[],
	tolerance = 6
): number[] {
	const img = PNG.sync.read(png);
	const counts = colours.map(() => 0);
	for (let i = 0; i < img.data.length; i += 4) {
		const [r, g, b] = [img.data[i]!, img.data[i + 1]!, img.data[i + 2]!];
		colours.forEach(([cr, cg, cb], k) => {
			if (Math.abs(r - cr) <= tolerance && Math.abs(g - cg) <= tolerance && Math.abs(b - cb) <= tolerance)
				counts[k]!++;
		});
	}
	return counts;
}
