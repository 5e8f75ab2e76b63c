/** The one template interface: what defineTemplate (templates/define.ts) returns. */
export type { Template, CheckResult, CheckOptions, TemplateDefinition } from './define.js';
