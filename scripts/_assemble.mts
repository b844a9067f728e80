// ad hoc (not committed): the public site at another size without the leak scan (measurement only)
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'vite';
import { writePublicData } from './lib/public-data';
const [full, out] = process.argv.slice(2) as [string, string];
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
for (const f of ['_app', 'index.html', 'progress']) cpSync(`build-public/${f}`, `${out}/${f}`, { recursive: true });
await writePublicData(full, `${out}/data`);
const vite = await createServer({ server: { middlewareMode: true }, appType: 'custom', logLevel: 'warn' });
const { withHeadline } = await vite.ssrLoadModule('/src/lib/progress/prerender.ts');
const page = `${out}/progress/index.html`;
const html = readFileSync(page, 'utf8').replace(/<div id="prerendered"[\s\S]*?<\/div><\/div><\/div>/, '');
writeFileSync(page, withHeadline(html, JSON.parse(readFileSync(`${out}/data/summary.json`, 'utf8'))));
await vite.close();
console.log('assembled', out);
