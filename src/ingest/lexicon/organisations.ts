/** Words that end the name of an organ or organisation (局, 委员会, 人民政府, 街道办事处 …). */
export const ORGANISATION_SUFFIXES: readonly string[] = [
  '人民代表大会常务委员会', '常务委员会', '人民政府', '管理委员会', '工作委员会', '委员会', '领导小组办公室', '领导小组', '工作小组', '小组',
  '办公厅', '办公室', '管委会', '党工委', '工委', '分公司', '公司', '集团', '中心', '研究院', '研究所', '分局', '支局', '总局', '局',
  '支行', '分行', '银行', '行', '监管分局', '监管局', '委', '办', '厅', '部', '院', '府', '会', '台', '社', '站', '所', '队', '署',
  '处', '科', '馆', '街道办事处', '办事处', '街道', '镇', '乡', '协会', '学会', '联合会', '商会', '大学', '学院', '学校', '医院',
  '法院', '检察院', '党委', '党组', '政府', '机关', '单位', '部门', '企业', '报社', '电视台', '广播电视台', '总站', '总队', '支队', '大队',
];

const SUFFIX_PATTERN = new RegExp(`(?:${[...ORGANISATION_SUFFIXES].sort((a, b) => b.length - a.length).join('|')})$`);

/** True when the text ends the way an organisation's name does. */
export function endsLikeOrganisation(text: string): boolean {
  return SUFFIX_PATTERN.test(text.trim());
}
