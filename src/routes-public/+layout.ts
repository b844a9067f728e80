// The public build (npm run build:public): only /progress, prerendered, browser-only like the dashboard.
export const prerender = true;
export const ssr = false;
