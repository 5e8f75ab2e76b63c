/** The official labels of 国办公开办函〔2019〕60号 and 〔2021〕30号, exactly as printed. */

export const SECTION_HEADINGS = {
  overview: '一、总体情况',
  proactive: '二、主动公开政府信息情况',
  applications: '三、收到和处理政府信息公开申请情况',
  reviews: '四、政府信息公开行政复议、行政诉讼情况',
  problems: '五、存在的主要问题及改进情况',
  other: '六、其他需要报告的事项',
} as const;

export const APPLICANTS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'] as const;
export const APPLICANT_COLUMNS = [...APPLICANTS, '总计'] as const;

export const CORNER = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

export const ROWS = {
  newReceived: '一、本年新收政府信息公开申请数量',
  carriedOver: '二、上年结转政府信息公开申请数量',
  results: '三、本年度办理结果',
  granted: '（一）予以公开',
  partial: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  denied: '（三）不予公开',
  unable: '（四）无法提供',
  notProcessed: '（五）不予处理',
  other: '（六）其他处理',
  total: '（七）总计',
  carriedForward: '四、结转下年度继续办理',
} as const;

export const DENIED = {
  stateSecret: '1.属于国家秘密',
  prohibitedByLaw: '2.其他法律行政法规禁止公开',
  threeSecurity: '3.危及“三安全一稳定”',
  thirdParty: '4.保护第三方合法权益',
  internalAffairs: '5.属于三类内部事务信息',
  processInfo: '6.属于四类过程性信息',
  enforcementFiles: '7.属于行政执法案卷',
  inquiry: '8.属于行政查询事项',
} as const;

export const UNABLE = {
  notHeld: '1.本机关不掌握相关政府信息',
  needsCreation: '2.没有现成信息需要另行制作',
  unclear: '3.补正后申请内容仍不明确',
} as const;

export const NOT_PROCESSED = {
  complaint: '1.信访举报投诉类申请',
  repeated: '2.重复申请',
  publication: '3.要求提供公开出版物',
  massive: '4.无正当理由大量反复申请',
  confirmation: '5.要求行政机关确认或重新出具已获取信息',
} as const;

/** 2021 only: （六）其他处理 has three sub-rows. */
export const OTHER_2021 = {
  noCorrection: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  noFee: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  other: '3.其他',
} as const;

export const REVIEW_GROUPS = { review: '行政复议', direct: '未经复议直接起诉', afterReview: '复议后起诉' } as const;
export const REVIEW_COLUMNS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'] as const;

export const PROACTIVE_2019 = {
  item1: { label: '第二十条第（一）项', columns: ['本年新制作数量', '本年新公开数量', '对外公开总数量'], rows: { rules: '规章', normativeDocs: '规范性文件' } },
  item5: { label: '第二十条第（五）项', columns: ['上一年项目数量', '本年增/减', '处理决定数量'], rows: { licensing: '行政许可', otherServices: '其他对外管理服务事项' } },
  item6: { label: '第二十条第（六）项', columns: ['上一年项目数量', '本年增/减', '处理决定数量'], rows: { penalty: '行政处罚', enforcement: '行政强制' } },
  item8: { label: '第二十条第（八）项', columns: ['上一年项目数量', '本年增/减'], rows: { fees: '行政事业性收费' } },
  item9: { label: '第二十条第（九）项', columns: ['采购项目数量', '采购总金额'], rows: { procurement: '政府集中采购' } },
} as const;

export const PROACTIVE_2021 = {
  item1: { label: '第二十条第（一）项', columns: ['本年制发件数', '本年废止件数', '现行有效件数'], rows: { rules: '规章', normativeDocs: '行政规范性文件' } },
  item5: { label: '第二十条第（五）项', columns: ['本年处理决定数量'], rows: { licensing: '行政许可' } },
  item6: { label: '第二十条第（六）项', columns: ['本年处理决定数量'], rows: { penalty: '行政处罚', enforcement: '行政强制' } },
  item8: { label: '第二十条第（八）项', columns: ['本年收费金额（单位：万元）'], rows: { fees: '行政事业性收费' } },
} as const;

export const INFO_CONTENT = '信息内容';
