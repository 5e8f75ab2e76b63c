/** The made-up person of examples/cadre (without the photo): what the generated 填报 form opens with. */
export const example = {
  XingMing: '林知远',
  XingBie: '男',
  ChuShengNianYue: '197503',
  MinZu: '汉族',
  JiGuan: '浙江临安',
  ChuShengDi: '浙江杭州',
  RuDangShiJian: '199806',
  CanJiaGongZuoShiJian: '199707',
  JianKangZhuangKuang: '健康',
  ZhuanYeJiShuZhiWu: '高级经济师',
  ShuXiZhuanYeYouHeZhuanChang: '宏观经济管理',
  QuanRiZhiJiaoYu_XueLi: '大学',
  QuanRiZhiJiaoYu_XueWei: '经济学学士',
  QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi: '东湖大学经济学院经济学专业',
  ZaiZhiJiaoYu_XueLi: '研究生',
  ZaiZhiJiaoYu_XueWei: '经济学硕士',
  ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi: '西溪大学经济学院区域经济学专业',
  XianRenZhiWu: '青山市发展和改革委员会副主任',
  NiRenZhiWu: '青山市统计局局长',
  NiMianZhiWu: '青山市发展和改革委员会副主任职务',
  JianLi: '1993.09--1997.07  东湖大学经济学院经济学专业学习\n1997.07--2001.03  青山市计划委员会综合处科员\n2001.03--2005.06  青山市计划委员会综合处副主任科员、主任科员\n                  （其间：2002.09--2005.06 西溪大学经济学院区域经济学专业在职研究生学习，获经济学硕士学位）\n2005.06--2011.08  青山市发展和改革委员会综合处副处长、处长\n2011.08--2016.12  青山市南湖区人民政府副区长\n2016.12--2020.04  青山市发展和改革委员会党组成员、总经济师\n2020.04--         青山市发展和改革委员会党组成员、副主任',
  JiangChengQingKuang: '2018年被评为青山市优秀共产党员。',
  NianDuKaoHeJieGuo: '2021年、2022年年度考核均为称职，2023年年度考核为优秀。',
  RenMianLiYou: '工作需要。',
  JiaTingChengYuan: [
    {
      ChengWei: '妻子',
      XingMing: '陈雨青',
      ChuShengRiQi: '197608',
      ZhengZhiMianMao: '中共党员',
      GongZuoDanWeiJiZhiWu: '青山市第一中学教师'
    },
    {
      ChengWei: '儿子',
      XingMing: '林一舟',
      ChuShengRiQi: '200310',
      ZhengZhiMianMao: '共青团员',
      GongZuoDanWeiJiZhiWu: '东湖大学学生'
    },
    {
      ChengWei: '父亲',
      XingMing: '林海生',
      ChuShengRiQi: '194805',
      ZhengZhiMianMao: '中共党员',
      GongZuoDanWeiJiZhiWu: '临安县供销社退休职工'
    },
    {
      ChengWei: '母亲',
      XingMing: '周秀兰',
      ChuShengRiQi: '195002',
      ZhengZhiMianMao: '群众',
      GongZuoDanWeiJiZhiWu: '已故'
    }
  ],
  ChengBaoDanWei: '中共青山市委组织部',
  JiSuanNianLingShiJian: '20240315',
  TianBiaoShiJian: '20240315',
  TianBiaoRen: '王晓',
  Version: '1.0'
};
