/** One catalogue of interface text: each key's words in Chinese and English; `{name}` marks a value `t` fills in. */
export type Catalogue = Readonly<Record<string, { readonly zh: string; readonly en: string }>>;
