/**
 * Emitted `.mjs` assets (MapLibre's worker, imported with `?url`) renamed `.js`, and the chunks that name them
 * patched. Stock nginx's mime.types has no `.mjs`, so it serves one as application/octet-stream, and the browser
 * refuses a module worker of that type: the map would never draw on a plain static server.
 */
/** @returns {import('vite').Plugin} */
export function mjsAsJs() {
	return {
		name: 'mjs-as-js',
		apply: 'build',
		generateBundle(_options, bundle) {
			/** @type {[string, string][]} */
			const renamed = [];
			for (const [key, item] of Object.entries(bundle)) {
				if (item.type !== 'asset' || !item.fileName.endsWith('.mjs')) continue;
				const to = `${item.fileName.slice(0, -'.mjs'.length)}.js`;
				renamed.push([
					item.fileName.slice(item.fileName.lastIndexOf('/') + 1),
					to.slice(to.lastIndexOf('/') + 1)
				]);
				delete bundle[key];
				this.emitFile({ type: 'asset', fileName: to, source: item.source });
			}
			for (const item of Object.values(bundle))
				if (item.type === 'chunk')
					for (const [from, to] of renamed) item.code = item.code.replaceAll(from, to);
		}
	};
}
