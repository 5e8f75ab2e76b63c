/**
 * The two formats of the 政府信息公开工作年度报告 as defined templates (templates/define.ts): the schema,
 * the printed label of every cell, the totals as computed fields, the 勾稽 rules as data, the builder.
 */
import { InputError } from '../../src/model/errors.js';
import { defineTemplate, type Template } from '../define.js';
import { aggregateData } from './aggregate.js';
import { buildReport, dataPathOf } from './build.js';
import { safeFileName } from '../../src/file-name.js';
import { cellLabel } from './cell-labels.js';
import { labelsFor } from './cells.js';
import { computedFor } from './computed.js';
import { type Previous, crossYearRules, rulesFor } from './rules.js';
import { type AnyData, Data2019, Data2021, type Version } from './schema.js';

/** Last year's file may be in either format: 2020 and earlier use the 2019 format. Totals are filled. */
function parsePrevious(input: unknown): Previous {
  const year = (input as { year?: unknown })?.year;
  const version: Version = typeof year === 'number' && year >= 2021 ? 2021 : 2019;
  const t = version === 2021 ? annualReport2021 : annualReport2019;
  try {
    return { data: t.check(input).data, version };
  } catch (e) {
    if (e instanceof InputError && e.code === 'invalid-input') throw new InputError(e.problems, '上一年度数据的格式不正确');
    throw e;
  }
}

function make(id: string, title: string, version: Version): Template<AnyData, Previous> {
  return defineTemplate<AnyData, Previous>({
    id,
    title,
    version: String(version),
    schema: version === 2021 ? Data2021 : Data2019,
    labels: (d) => labelsFor(version, d),
    // rows and tables too ('表二 （一）予以公开'): a shape error of a whole row names it as printed
    label: cellLabel,
    computed: computedFor(version),
    rules: rulesFor(version),
    previous: { parse: parsePrevious, rules: crossYearRules(version) },
    build: (d) => buildReport(d, version),
    dataPath: (modelPath, d) => dataPathOf(modelPath, d, version),
    fileName: (d) => safeFileName(`${d.agency}${d.year}年政府信息公开工作年度报告`.replace(/\s+/g, '')),
    aggregate: (datas, meta) => aggregateData(datas, meta.agency),
  });
}

export const annualReport2019 = make('gov-info-annual-report-2019', '政府信息公开工作年度报告（2019 年试行格式，国办公开办函〔2019〕60号）', 2019);
export const annualReport2021 = make('gov-info-annual-report-2021', '政府信息公开工作年度报告（2021 年修订格式，国办公开办函〔2021〕30号）', 2021);
