/**
 * GCJ-02 ("火星坐标", used by AMap/Gaode and DataV) ↔ WGS84, by the standard public formulas. In 乐清 the shift is
 * about 500 m; data from such a source must be converted before it meets the WGS84 boundary.
 */
const A = 6378245.0;
const EE = 0.006693421622965943;

function transformLat(x: number, y: number): number {
	let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
	r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
	r += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
	r += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;
	return r;
}

function transformLon(x: number, y: number): number {
	let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
	r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
	r += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
	r += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
	return r;
}

/** WGS84 → GCJ-02. */
export function wgs84ToGcj02(lon: number, lat: number): [number, number] {
	const dLat0 = transformLat(lon - 105, lat - 35);
	const dLon0 = transformLon(lon - 105, lat - 35);
	const radLat = (lat / 180) * Math.PI;
	const magic = 1 - EE * Math.sin(radLat) ** 2;
	const sqrtMagic = Math.sqrt(magic);
	const dLat = (dLat0 * 180) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
	const dLon = (dLon0 * 180) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
	return [lon + dLon, lat + dLat];
}

/** GCJ-02 → WGS84, by fixed-point iteration (error well under a metre). */
export function gcj02ToWgs84(lon: number, lat: number): [number, number] {
	let wLon = lon;
	let wLat = lat;
	for (let i = 0; i < 6; i++) {
		const [gLon, gLat] = wgs84ToGcj02(wLon, wLat);
		wLon -= gLon - lon;
		wLat -= gLat - lat;
	}
	return [wLon, wLat];
}

/** BD-09 (Baidu) → GCJ-02, by Baidu's published inverse (error under a metre). */
export function bd09ToGcj02(lon: number, lat: number): [number, number] {
	const X_PI = (Math.PI * 3000) / 180;
	const x = lon - 0.0065;
	const y = lat - 0.006;
	const z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * X_PI);
	const theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * X_PI);
	return [z * Math.cos(theta), z * Math.sin(theta)];
}
