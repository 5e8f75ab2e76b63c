// 月度工作统计表: a small, complete template. Render it with
//   cjk-report render examples/my-template/data.yaml --template ./examples/my-template/template.mjs
import { z } from 'zod';
import { defineTemplate } from 'cjk-report/templates';

const Count = z.number().int('应为整数').min(0, '不能为负数');
const Row = z.object({ dept: z.string().min(1, '科室不能为空'), received: Count, done: Count, pending: Count, meetings: Count, visits: Count }).strict();

const COLUMNS = [
  ['received', '收文', '公文处理'],
  ['done', '办结', '公文处理'],
  ['pending', '在办', '公文处理'],
  ['meetings', '会议', '对外服务'],
  ['visits', '走访', '对外服务'],
];
const KEYS = COLUMNS.map(([key]) => key);

export default defineTemplate({
  id: 'monthly-work-stats',
  title: '月度工作统计表',
  version: '1.0',
  schema: z
    .object({
      unit: z.string().min(1, '单位不能为空'),
      month: z.string().regex(/^\d{4}-\d{2}$/, '应为 yyyy-MM，如 2026-11'),
      rows: z.array(Row).min(1, '至少一个科室').max(20, '最多 20 个科室'),
      // the 合计 row: computed when left out, checked when given
      total: z.array(Count).length(5, '应为 5 个数').optional(),
      note: z.string().optional(),
    })
    .strict(),

  // the printed label of every data cell; a repeatable row is listed per item when data is given
  labels(d) {
    const rows = d ? d.rows.map((_, i) => i) : ['*'];
    return [
      { path: 'unit', label: '填报单位', kind: 'text' },
      { path: 'month', label: '统计月份', kind: 'date', hint: 'yyyy-MM' },
      ...rows.flatMap((i) => [
        { path: `rows[${i}].dept`, label: `第${i === '*' ? 'N' : i + 1}行 科室`, group: '统计表', kind: 'text' },
        ...COLUMNS.map(([key, label, head]) => ({
          path: `rows[${i}].${key}`,
          label: `${d ? d.rows[i].dept : '科室'} ${label}`,
          group: '统计表', row: ['业务科室'], column: [head, label], kind: 'count',
        })),
      ]),
      ...COLUMNS.map(([, label, head], c) => ({ path: `total[${c}]`, label: `合计 ${label}`, group: '统计表', row: ['合计'], column: [head, label], kind: 'count', computed: true })),
      { path: 'note', label: '说明', kind: 'prose' },
    ];
  },

  computed: [
    {
      id: 'total',
      description: '合计行：各科室之和',
      paths: () => KEYS.map((_, c) => `total[${c}]`),
      fill(d) {
        d.total ??= KEYS.map((k) => d.rows.reduce((s, r) => s + r[k], 0));
      },
    },
  ],

  rules: [
    {
      id: 'M1',
      severity: 'error',
      description: '每个科室：收文 = 办结 + 在办',
      reads: (d) => d.rows.flatMap((_, i) => [`rows[${i}].received`, `rows[${i}].done`, `rows[${i}].pending`]),
      check: (d) =>
        d.rows.flatMap((r, i) =>
          r.received === r.done + r.pending
            ? []
            : [{ path: `rows[${i}].received`, reads: [`rows[${i}].received`, `rows[${i}].done`, `rows[${i}].pending`], message: `${r.dept} 收文应为 ${r.done + r.pending}（办结 ${r.done} + 在办 ${r.pending}），填报为 ${r.received}` }],
        ),
    },
    {
      id: 'M2',
      severity: 'error',
      description: '合计行 = 各科室之和',
      check: (d) =>
        KEYS.flatMap((k, c) => {
          const sum = d.rows.reduce((s, r) => s + r[k], 0);
          return d.total[c] === sum ? [] : [{ path: `total[${c}]`, message: `合计 ${COLUMNS[c][1]}应为 ${sum}，填报为 ${d.total[c]}` }];
        }),
    },
    {
      id: 'M3',
      severity: 'warning',
      description: '在办不宜超过收文的一半',
      check: (d) => d.rows.flatMap((r, i) => (r.pending * 2 > r.received ? [{ path: `rows[${i}].pending`, message: `${r.dept} 在办 ${r.pending} 件，超过收文 ${r.received} 件的一半` }] : [])),
    },
  ],

  build(d) {
    const [y, m] = d.month.split('-');
    const title = `${d.unit}${y}年${Number(m)}月工作统计表`;
    return {
      meta: { title, author: d.unit },
      page: { size: 'A4', orientation: 'portrait', margins: { top: 30, right: 25, bottom: 30, left: 25 } },
      blocks: [
        { type: 'title', text: title },
        {
          type: 'table',
          id: 'stats',
          // a 2-level merged header: 公文处理 over 收文/办结/在办, 对外服务 over 会议/走访
          columns: [
            { label: '公文处理', children: COLUMNS.slice(0, 3).map(([, label]) => ({ label, width: { weight: 2 } })) },
            { label: '对外服务', children: COLUMNS.slice(3).map(([, label]) => ({ label, width: { weight: 2 } })) },
          ],
          rowHeader: {
            corner: { text: '科室', align: 'center' },
            widths: ['narrow', { weight: 4 }],
            // a vertical label spanning every department's row
            rows: [{ label: '业务科室', vertical: true, children: d.rows.map((r) => ({ label: r.dept })) }, { label: '合计' }],
          },
          rows: [...d.rows.map((r) => KEYS.map((k) => r[k])), d.total],
        },
        ...(d.note ? [{ type: 'paragraph', text: d.note }] : []),
      ],
    };
  },

  // 汇总: the units' checked data, one row per department name, counts added
  aggregate(datas, meta) {
    const rows = new Map();
    for (const r of datas.flatMap((d) => d.rows)) {
      const sum = rows.get(r.dept) ?? { dept: r.dept, received: 0, done: 0, pending: 0, meetings: 0, visits: 0 };
      for (const k of KEYS) sum[k] += r[k];
      rows.set(r.dept, sum);
    }
    return { unit: meta.agency || `${datas[0].unit}等${datas.length}个单位`, month: datas[0].month, rows: [...rows.values()] };
  },

  fileName: (d) => `${d.unit}${d.month}月度工作统计表`,
});
