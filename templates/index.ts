import type { Template } from './types.js';

export type { Template, CheckResult, CheckOptions, TemplateDefinition } from './types.js';
export { defineTemplate, describeTemplate, isTemplate, labelLookup, aggregateInputs } from './define.js';
export type { CellKind, CellLabel, ComputedDefinition, CrossYearRuleDefinition, InputFormat, RuleContext, RuleDefinition, RuleFinding, Severity, TemplateDescription } from './define.js';

const registry = new Map<string, Template<any, any>>();

export function registerTemplate(t: Template<any, any>): void {
  registry.set(t.id, t);
}

export function getTemplate(id: string): Template<any, any> | undefined {
  return registry.get(id);
}

export function listTemplates(): Template<any, any>[] {
  return [...registry.values()];
}

import { annualReport2019, annualReport2021 } from './gov-info-annual-report/index.js';
registerTemplate(annualReport2019);
registerTemplate(annualReport2021);
import { cadreAppointmentForm } from './cadre-appointment-form/index.js';
registerTemplate(cadreAppointmentForm);
