import { z } from 'zod';

/**
 * The data of a 干部任免审批表: the fields of the `.lrmx` file the official 任免表 software writes (root
 * <Person>, every value a string), so an .lrmx file, or YAML/JSON with the same names, is the data file.
 * Fields the form does not print (ShenFenZheng, Version) are kept but not required.
 */
const text = z.string().max(20000).optional();
/** yyyyMM (yyyy.MM and yyyy-MM are accepted too); empty = not filled */
export const YearMonth = z
  .string()
  .regex(/^(\d{4}[.\-]?(0[1-9]|1[0-2]))?$/, '应为年月 yyyyMM，如 197503')
  .optional();
/** yyyyMMdd (or yyyy.MM.dd / yyyy-MM-dd); empty = not filled */
export const YearMonthDay = z
  .string()
  .regex(/^(\d{4}[.\-]?(0[1-9]|1[0-2])[.\-]?(0[1-9]|[12]\d|3[01]))?$/, '应为日期 yyyyMMdd，如 20240315')
  .optional();

export const FamilyMember = z.object({
  ChengWei: text,
  XingMing: text,
  ChuShengRiQi: YearMonth,
  ZhengZhiMianMao: text,
  GongZuoDanWeiJiZhiWu: text,
});
export type FamilyMember = z.infer<typeof FamilyMember>;

export const Person = z.object({
  XingMing: z.string().min(1, '不能为空').max(50),
  XingBie: text,
  ChuShengNianYue: YearMonth,
  MinZu: text,
  JiGuan: text,
  ChuShengDi: text,
  RuDangShiJian: text,
  CanJiaGongZuoShiJian: text,
  JianKangZhuangKuang: text,
  ZhuanYeJiShuZhiWu: text,
  ShuXiZhuanYeYouHeZhuanChang: text,
  QuanRiZhiJiaoYu_XueLi: text,
  QuanRiZhiJiaoYu_XueWei: text,
  QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi: text,
  QuanRiZhiJiaoYu_XueWei_BiYeYuanXiaoXi: text,
  ZaiZhiJiaoYu_XueLi: text,
  ZaiZhiJiaoYu_XueWei: text,
  ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi: text,
  ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi: text,
  XianRenZhiWu: text,
  NiRenZhiWu: text,
  NiMianZhiWu: text,
  /** lines `yyyy.MM--yyyy.MM  text`, separated by CR LF (LF accepted) */
  JianLi: text,
  JiangChengQingKuang: text,
  NianDuKaoHeJieGuo: text,
  RenMianLiYou: text,
  JiaTingChengYuan: z.array(FamilyMember).max(7, '家庭主要成员及重要社会关系最多 7 行（表上只有 7 行）').optional(),
  ChengBaoDanWei: text,
  JiSuanNianLingShiJian: YearMonthDay,
  TianBiaoShiJian: YearMonthDay,
  TianBiaoRen: text,
  ShenFenZheng: text,
  /** base64 JPEG (PNG accepted), no data: prefix in .lrmx */
  ZhaoPian: z.string().max(14_000_000).optional(),
  Version: text,
});
export type Person = z.infer<typeof Person>;
