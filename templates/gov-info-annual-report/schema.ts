import { z } from 'zod';

/** A count: a whole number ≥ 0 (rule A4 for 表二, and every count of 表一 and 表三). */
export const Count = z
  .number({ error: (iss) => (typeof iss.input === 'number' ? '应为有限的数' : '应为数字') })
  .int('应为整数')
  .min(0, '不能为负数')
  .max(1e12, '超出合理范围（不应超过 1,000,000,000,000）');
/**
 * A count in 表二 or 表三 may be left blank (null): real reports print blanks where a count belongs. The
 * rules report each blank as its own finding ([V] …空白单元格，应填 0) instead of a type error, and with
 * --allow-inconsistent it prints as an empty cell.
 */
export const CellCount = Count.nullable();
/** 本年增/减: signed, printed with its sign ("+17", "0", "-3"). */
export const Signed = z.union([z.number().int('应为整数'), z.string().regex(/^[+\-−]?\d+$/, '应为带符号的整数，如 +17、0、-3')]);
/** An amount (e.g. 万元), kept with the decimals given when written as a string: "5949.088667". */
export const Amount = z.union([z.number().min(0, '不能为负数').max(Number.MAX_SAFE_INTEGER, '超出可精确表示的范围，请写成字符串'), z.string().regex(/^\d+(\.\d+)?$/, '应为数字，如 5949.088667')]);

/** 表二 row: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他 [, 总计 — computed when omitted]. */
export const ApplicantRow = z.array(CellCount).min(6, '应为 6 个数（自然人至其他），或 7 个数（含总计）').max(7, '应为 6 个数（自然人至其他），或 7 个数（含总计）');
/** 表三 group: 结果维持, 结果纠正, 其他结果, 尚未审结 [, 总计 — computed when omitted]. */
export const ReviewGroup = z.array(CellCount).min(4, '应为 4 个数（结果维持至尚未审结），或 5 个数（含总计）').max(5, '应为 4 个数（结果维持至尚未审结），或 5 个数（含总计）');

/** A paragraph, or one that opens with a run-in sub-heading such as "（一）主动公开情况。". */
export const Para = z.union([z.string(), z.object({ heading: z.string(), text: z.string() }).strict()]);
export type Para = z.infer<typeof Para>;

export const Section = z
  .object({
    heading: z.string().optional().describe('overrides the official heading, e.g. the publisher\'s own wording'),
    paragraphs: z.array(Para).default([]),
    caption: z.string().optional().describe('a caption above the section\'s table, e.g. "收到和处理政府信息公开申请情况"'),
  })
  .strict();

const Sections = z
  .object({
    overview: Section.default({ paragraphs: [] }).describe('一、总体情况'),
    proactive: Section.default({ paragraphs: [] }).describe('二、主动公开政府信息情况'),
    applications: Section.default({ paragraphs: [] }).describe('三、收到和处理政府信息公开申请情况'),
    reviews: Section.default({ paragraphs: [] }).describe('四、政府信息公开行政复议、行政诉讼情况'),
    problems: Section.default({ paragraphs: [] }).describe('五、存在的主要问题及改进情况'),
    other: Section.default({ paragraphs: [] }).describe('六、其他需要报告的事项'),
  })
  .strict();

const applicationsCommon = {
  newReceived: ApplicantRow.describe('一、本年新收政府信息公开申请数量'),
  carriedOver: ApplicantRow.describe('二、上年结转政府信息公开申请数量'),
  granted: ApplicantRow.describe('（一）予以公开'),
  partial: ApplicantRow.describe('（二）部分公开'),
  denied: z
    .object({
      stateSecret: ApplicantRow, prohibitedByLaw: ApplicantRow, threeSecurity: ApplicantRow, thirdParty: ApplicantRow,
      internalAffairs: ApplicantRow, processInfo: ApplicantRow, enforcementFiles: ApplicantRow, inquiry: ApplicantRow,
    })
    .strict()
    .describe('（三）不予公开 1–8'),
  unable: z.object({ notHeld: ApplicantRow, needsCreation: ApplicantRow, unclear: ApplicantRow }).strict().describe('（四）无法提供 1–3'),
  notProcessed: z
    .object({ complaint: ApplicantRow, repeated: ApplicantRow, publication: ApplicantRow, massive: ApplicantRow, confirmation: ApplicantRow })
    .strict()
    .describe('（五）不予处理 1–5'),
  total: ApplicantRow.optional().describe('（七）总计: computed when omitted, checked when given'),
  carriedForward: ApplicantRow.describe('四、结转下年度继续办理'),
};

const Reviews = z
  .object({
    review: ReviewGroup.describe('行政复议'),
    direct: ReviewGroup.describe('行政诉讼 · 未经复议直接起诉'),
    afterReview: ReviewGroup.describe('行政诉讼 · 复议后起诉'),
  })
  .strict();

const Signature = z.object({ agency: z.string().optional(), date: z.string() }).strict();

const Common = {
  template: z.string().optional().describe('the template id this file is for'),
  agency: z.string().min(1, '机关名称不能为空'),
  year: z.number().int().min(2008).max(2100),
  title: z.string().optional().describe('default: 机关名称 + "YYYY年政府信息公开工作年度报告"'),
  intro: z.array(Para).optional().describe('default: the standard opening paragraph'),
  sections: Sections.prefault({}),
  signature: Signature.optional(),
};

/** The two formats differ only in 表一 and in 表二's （六）其他处理. */
function dataSchema<P extends z.ZodRawShape, O extends z.ZodRawShape>(proactive: P, other: O) {
  return z
    .object({
      ...Common,
      tables: z
        .object({
          proactive: z.object(proactive).strict(),
          applications: z
            .object({ ...applicationsCommon, ...other })
            .strict()
            .superRefine((a, ctx) => {
              // 2021: （六）其他处理 is either its three rows or, as some publishers print it, one row
              const r = a as Record<string, unknown>;
              if ('otherOneRow' in other && (r.other === undefined) === (r.otherOneRow === undefined))
                ctx.addIssue({ code: 'custom', path: ['other'], message: '（六）其他处理应填 other（1–3 三行）或 otherOneRow（印为一行时），二者填其一' });
            }),
          reviews: Reviews,
        })
        .strict(),
    })
    .strict();
}

export const Data2019 = dataSchema(
  {
    rules: z.tuple([Count, Count, Count]).describe('规章: 本年新制作数量, 本年新公开数量, 对外公开总数量'),
    normativeDocs: z.tuple([Count, Count, Count]).describe('规范性文件'),
    licensing: z.tuple([Count, Signed, Count]).describe('行政许可: 上一年项目数量, 本年增/减, 处理决定数量'),
    otherServices: z.tuple([Count, Signed, Count]).describe('其他对外管理服务事项'),
    penalty: z.tuple([Count, Signed, Count]).describe('行政处罚'),
    enforcement: z.tuple([Count, Signed, Count]).describe('行政强制'),
    fees: z.tuple([Count, Signed]).describe('行政事业性收费: 上一年项目数量, 本年增/减'),
    procurement: z.tuple([Count, Amount]).describe('政府集中采购: 采购项目数量, 采购总金额'),
  },
  { other: ApplicantRow.describe('（六）其他处理') },
);
export type Data2019 = z.infer<typeof Data2019>;

export const Data2021 = dataSchema(
  {
    rules: z.tuple([Count, Count, Count]).describe('规章: 本年制发件数, 本年废止件数, 现行有效件数'),
    normativeDocs: z.tuple([Count, Count, Count]).describe('行政规范性文件'),
    licensing: Count.describe('行政许可: 本年处理决定数量'),
    penalty: Count.describe('行政处罚'),
    enforcement: Count.describe('行政强制'),
    fees: Amount.describe('行政事业性收费: 本年收费金额（单位：万元）'),
  },
  {
    other: z.object({ noCorrection: ApplicantRow, noFee: ApplicantRow, other: ApplicantRow }).strict().optional().describe('（六）其他处理 1–3'),
    otherOneRow: ApplicantRow.optional().describe('（六）其他处理 printed as one row (a variant of the 2021 format), instead of other 1–3'),
  },
);
export type Data2021 = z.infer<typeof Data2021>;

export type AnyData = Data2019 | Data2021;
/** Which official format a template (and its data) follows: 国办公开办函〔2019〕60号 or 〔2021〕30号. */
export type Version = 2019 | 2021;
