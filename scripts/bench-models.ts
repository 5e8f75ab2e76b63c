/** The documents the bench renders: the seed report (from its template data) and a generated 100-page report. */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { getTemplate } from '../templates/index.js';

export const BENCH_DATE = new Date('2021-01-15T00:00:00Z');
export const SEED_DATA = 'examples/fangzheng-2020/fangzheng-2020.yaml';

/** Template check + build, as a user's render call does it (part of every timed render). */
export function seedModel(data: unknown = parse(readFileSync(SEED_DATA, 'utf8'))): unknown {
  const t = getTemplate('gov-info-annual-report-2019')!;
  return t.build(t.check(data).data);
}

export function seedData(): unknown {
  return parse(readFileSync(SEED_DATA, 'utf8'));
}

/**
 * A long report: `groups` tables of 三级 row headers (region → office → item) under a two-level column header,
 * with a vertical label per region and merged groups that cross page breaks. ~100 pages at the default size.
 */
export function longModel(groups = 24): unknown {
  const regions = ['城关镇', '新兴乡', '高楼镇', '宝兴乡', '伊汉通乡', '天门乡', '大罗密镇', '会发镇'];
  const items = ['依申请公开', '主动公开', '政策解读', '回应关切', '行政复议', '行政诉讼'];
  const blocks: unknown[] = [{ type: 'title', text: '全市政府信息公开工作统计汇编（长表测试）' }];
  for (let g = 0; g < groups; g++) {
    blocks.push({ type: 'heading', level: 1, text: `第${g + 1}部分　各乡镇办理情况` });
    blocks.push({ type: 'paragraph', text: `本部分汇总第${g + 1}批单位的政府信息公开工作数据，数据统计期限自2020年1月1日起至12月31日止，合并单元格跨页时标签在续页重复。` });
    const rows = regions.map((r, ri) => ({
      label: `${r}${g + 1}`,
      vertical: true,
      children: Array.from({ length: 3 }, (_, oi) => ({ label: `第${oi + 1}办公室`, children: items.map((label) => ({ label })) })),
    }));
    const leaves = regions.length * 3 * items.length;
    blocks.push({
      type: 'table',
      id: `长表${g + 1}`,
      caption: `表${g + 1}　分单位统计`,
      columns: [
        { label: '收到申请', children: [{ label: '自然人', format: { thousands: true } }, { label: '法人或其他组织', format: { thousands: true } }] },
        { label: '办理结果', children: [{ label: '予以公开' }, { label: '部分公开' }, { label: '不予公开' }, { label: '其他处理' }] },
        { label: '总计', format: { thousands: true } },
      ],
      rowHeader: { corner: { text: '单位 / 事项' }, widths: ['narrow', 22, 26], rows },
      rows: Array.from({ length: leaves }, (_, i) => {
        const v = [(i * 37) % 1900, (i * 11) % 300, (i * 7) % 90, (i * 5) % 40, (i * 3) % 20, i % 9];
        return [...v, v.reduce((a, b) => a + b, 0)];
      }),
    });
  }
  return { meta: { title: '长表测试' }, page: { size: 'A4', pageNumbers: { style: 'dash', position: 'outside' } }, blocks };
}
