import type { CellLabel } from '../define.js';
import type { Person } from './schema.js';

/** Every field's printed label (as messages name it), its section of the form and what it holds. */
export const FIELD_LABELS: Record<string, { label: string; group: string; kind?: CellLabel['kind']; hint?: string }> = {
  XingMing: { label: '姓名', group: '基本情况' },
  XingBie: { label: '性别', group: '基本情况', kind: 'choice' },
  ChuShengNianYue: { label: '出生年月', group: '基本情况', kind: 'date', hint: 'yyyyMM' },
  MinZu: { label: '民族', group: '基本情况' },
  JiGuan: { label: '籍贯', group: '基本情况' },
  ChuShengDi: { label: '出生地', group: '基本情况' },
  RuDangShiJian: { label: '入党时间', group: '基本情况', kind: 'date', hint: 'yyyyMM' },
  CanJiaGongZuoShiJian: { label: '参加工作时间', group: '基本情况', kind: 'date', hint: 'yyyyMM' },
  JianKangZhuangKuang: { label: '健康状况', group: '基本情况' },
  ZhuanYeJiShuZhiWu: { label: '专业技术职务', group: '基本情况' },
  ShuXiZhuanYeYouHeZhuanChang: { label: '熟悉专业有何专长', group: '基本情况' },
  QuanRiZhiJiaoYu_XueLi: { label: '学历学位 全日制教育 学历', group: '学历学位' },
  QuanRiZhiJiaoYu_XueWei: { label: '学历学位 全日制教育 学位', group: '学历学位' },
  QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi: { label: '学历学位 全日制教育 毕业院校系及专业（学历）', group: '学历学位' },
  QuanRiZhiJiaoYu_XueWei_BiYeYuanXiaoXi: { label: '学历学位 全日制教育 毕业院校系及专业（学位）', group: '学历学位' },
  ZaiZhiJiaoYu_XueLi: { label: '学历学位 在职教育 学历', group: '学历学位' },
  ZaiZhiJiaoYu_XueWei: { label: '学历学位 在职教育 学位', group: '学历学位' },
  ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi: { label: '学历学位 在职教育 毕业院校系及专业（学历）', group: '学历学位' },
  ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi: { label: '学历学位 在职教育 毕业院校系及专业（学位）', group: '学历学位' },
  XianRenZhiWu: { label: '现任职务', group: '职务' },
  NiRenZhiWu: { label: '拟任职务', group: '职务' },
  NiMianZhiWu: { label: '拟免职务', group: '职务' },
  JianLi: { label: '简历', group: '简历', kind: 'prose', hint: '每行 yyyy.MM--yyyy.MM  经历' },
  JiangChengQingKuang: { label: '奖惩情况', group: '第二页', kind: 'prose' },
  NianDuKaoHeJieGuo: { label: '年度考核结果', group: '第二页', kind: 'prose' },
  RenMianLiYou: { label: '任免理由', group: '第二页', kind: 'prose' },
  ChengBaoDanWei: { label: '呈报单位', group: '第二页' },
  JiSuanNianLingShiJian: { label: '计算年龄时间', group: '填表', kind: 'date', hint: 'yyyyMMdd' },
  TianBiaoShiJian: { label: '填表时间', group: '填表', kind: 'date', hint: 'yyyyMMdd' },
  TianBiaoRen: { label: '填表人', group: '填表' },
  ShenFenZheng: { label: '身份证号', group: '填表' },
  ZhaoPian: { label: '照片', group: '基本情况', kind: 'image', hint: 'JPEG，base64' },
};

export const MEMBER_LABELS: Record<string, { label: string; kind?: CellLabel['kind']; hint?: string }> = {
  ChengWei: { label: '称谓' },
  XingMing: { label: '姓名' },
  ChuShengRiQi: { label: '出生年月', kind: 'date', hint: 'yyyyMM' },
  ZhengZhiMianMao: { label: '政治面貌' },
  GongZuoDanWeiJiZhiWu: { label: '工作单位及职务' },
};

export function labels(data?: Person): CellLabel[] {
  const out: CellLabel[] = Object.entries(FIELD_LABELS).map(([path, l]) => ({ path, label: l.label, group: l.group, ...(l.kind ? { kind: l.kind } : {}), ...(l.hint ? { hint: l.hint } : {}) }));
  const n = data?.JiaTingChengYuan?.length;
  const rows = n === undefined ? ['*'] : Array.from({ length: n }, (_, i) => String(i));
  for (const i of rows)
    for (const [key, l] of Object.entries(MEMBER_LABELS))
      out.push({
        path: `JiaTingChengYuan[${i}].${key}`,
        label: `家庭主要成员及重要社会关系${i === '*' ? '' : ` 第 ${Number(i) + 1} 行`} ${l.label}`,
        group: '家庭主要成员及重要社会关系',
        row: i === '*' ? undefined : [`第 ${Number(i) + 1} 行`],
        column: [l.label],
        ...(l.kind ? { kind: l.kind } : {}),
        ...(l.hint ? { hint: l.hint } : {}),
      });
  return out;
}
