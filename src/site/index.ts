export { buildSite } from './build-site.js';
export { serveSite, type SiteServer } from './serve.js';
export { escapeHtml } from './html.js';
export type { BuildSiteOptions, Fact, FactPeriod, FactsJson, SiteAct, SiteInput, SiteInstruction } from './types.js';
