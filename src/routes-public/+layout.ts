// The public build (npm run build:public): only /progress, prerendered, browser-only like the dashboard.
export const prerender = true;
export const ssr = false;
// `progress/index.html`, reached as `progress/`: a directory any static server (python -m http.server, nginx's
// stock config) answers without an extension-less rewrite.
export const trailingSlash = 'always';
