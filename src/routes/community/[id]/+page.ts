// Community pages are rendered in the browser from the dataset (one page serves every id).
export const prerender = false;
