/**
 * Labels of the information block that government portals print above a notice
 * (政府信息公开目录). A label that only such a block uses may stand alone on a line; a label
 * that ordinary prose might start with (名称, 标题, 来源 …) counts only beside another label.
 */
export const STRONG_METADATA_LABELS = [
  '索引号', '发布机构', '发文机关', '发文单位', '成文日期', '发布日期', '发文日期', '印发日期', '发文字号', '文号',
  '主题分类', '体裁分类', '组配分类', '服务对象分类', '主题词分类', '效力状态', '时效性', '有效性', '信息分类',
  '公开方式', '公开范围', '公开时限', '生效日期', '失效日期', '废止日期', '统一编号', '登记号', '文件编号', '发布时间',
] as const;

const WEAK_METADATA_LABELS = [
  '名称', '标题', '来源', '信息来源', '责任部门', '所属机构', '主题词', '关键词', '内容概述', '公文种类', '文种', '分类',
  '成文时间', '年份', '所属主题', '实施日期',
] as const;

export const METADATA_LABELS: readonly string[] = [...STRONG_METADATA_LABELS, ...WEAK_METADATA_LABELS];
