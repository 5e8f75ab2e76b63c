import { defineTemplate } from '../define.js';
import { buildForm, dataPathOf } from './build.js';
import { example } from './example.js';
import { labels } from './labels.js';
import { lrmxFormat } from './lrmx.js';
import { rules } from './rules.js';
import { Person } from './schema.js';

/** The 干部任免审批表 (two pages, fixed layout), from an .lrmx file or YAML/JSON with the same fields. */
export const cadreAppointmentForm = defineTemplate<Person>({
  id: 'cadre-appointment-form',
  title: '干部任免审批表',
  version: '1.0',
  schema: Person,
  labels,
  rules,
  build: buildForm,
  fileName: (d) => `干部任免审批表-${d.XingMing}`,
  dataPath: dataPathOf,
  inputs: [lrmxFormat],
  example,
});

export { readLrmx } from './lrmx.js';
