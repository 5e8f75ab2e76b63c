import type { Template } from './types.js';

export type { Template, CheckResult } from './types.js';

const registry = new Map<string, Template<any>>();

export function registerTemplate(t: Template<any>): void {
  registry.set(t.id, t);
}

export function getTemplate(id: string): Template<any> | undefined {
  return registry.get(id);
}

export function listTemplates(): Template<any>[] {
  return [...registry.values()];
}

import { annualReport2019, annualReport2021 } from './gov-info-annual-report/index.js';
registerTemplate(annualReport2019);
registerTemplate(annualReport2021);
import { cadreAppointmentForm } from './cadre-appointment-form/index.js';
registerTemplate(cadreAppointmentForm);
