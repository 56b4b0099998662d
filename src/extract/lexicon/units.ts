import type { UnitRole } from '../findings.js';

/**
 * The words with which notices assign work to units (ANNOTATION.md, Units): the labels of
 * 责任单位 notes and table columns, and the role words written after a name.
 */

/** What a label says about the units after it. `responsible` becomes `lead` beside an assist column. */
const UNIT_LABELS: ReadonlyArray<{ label: RegExp; role: UnitRole }> = [
  { label: /^(?:牵头|主办|主责)(?:单位|部门)$/, role: 'lead' },
  { label: /^(?:协助|配合|协办|参与|协同)(?:单位|部门)$/, role: 'assist' },
  { label: /^(?:责任|负责|承办|实施|落实)(?:单位|部门)$/, role: 'responsible' },
];

/** The role a label or a column header gives (`责任单位：`, `协助单位（部门）`), if it is a unit label. */
export function roleOfLabel(label: string): UnitRole | undefined {
  const bare = label.replace(/\s+/g, '').replace(/[:：]$/, '').replace(/[（(][^）)]*[）)]/g, '');
  return UNIT_LABELS.find((entry) => entry.label.test(bare))?.role;
}

/** Any label of UNIT_LABELS, as it stands in running text before its colon. */
export const UNIT_LABEL_IN_TEXT = /(?:牵头|主办|主责|协助|配合|协办|参与|协同|责任|负责|承办|实施|落实)(?:单位|部门)\s*[:：]/g;

/** A role word written right after the names it applies to: `X牵头`, `X负责，Y协助`. */
export const ROLE_WORDS: ReadonlyArray<{ word: string; role: UnitRole }> = [
  { word: '牵头', role: 'lead' },
  { word: '负责', role: 'lead' },
  { word: '主办', role: 'lead' },
  { word: '会同', role: 'lead' },
  { word: '承办', role: 'responsible' },
  { word: '协办', role: 'assist' },
  { word: '协助', role: 'assist' },
  { word: '配合', role: 'assist' },
];

/** The 等 that closes a list of names, with the generic word after it (`等部门`, `等单位`). */
export const LIST_CLOSING = /^等(?:部门|单位|机构)?/;

/** What turns a role word into a noun: `公司负责人` names a person, not a unit's role. */
export const ROLE_NOUN = /^(?:人|同志|领导)/;

/** After `X牵头` or `X负责`, these introduce the units X works with, which assist (`经信局牵头协调联通、移动`). */
export const WORKS_WITH = /^(?:协调|会同|联合)/;

/**
 * Where a name ends inside a longer clause: quantities (`各不少于10家`), the verbs that follow a
 * unit in a note (`每月…提供`), and a trailing 等 (not the 等 of 高等, 中等, 平等).
 */
export const NAME_END =
  /各不少于|不少于|至少|每[年月周日天季个]|[0-9０-９]|要|应当|应|须|进行|提供|报送|负责|牵头|协助|配合|协调|会同|协办|主办|承办|参与|按照|根据|具体|共同|分别|落实|做好|开展|(?<![高中初平同])等/;

/** Words that open a clause but never a name (`具体负责`, `分别牵头`). */
export const NOT_A_NAME = /^(?:具体|主要|分别|共同|统一|专人|各自|指定|由|并|及时|其中|以下|上述|其他工作)$/;

/** Leading words that belong to the sentence, not to the name (`由X负责`). */
export const LEADING_NON_NAME = /^(?:由|请|并由|均由|要求|其中|强化|加强|督促|指导|推动|鼓励|支持|明确|确定)/;

/** Suffixes that close a whole organ; what follows them within one item is a further name. */
export const STRONG_SUFFIX = /人民政府|管理委员会|委员会|办公室|办公厅|领导小组/;

/** How names written one after another begin: the level of government, or 各. */
export const NAME_START = /^(?:市|省|县|区|自治区|国家|中国|各(?!成员))/;

/** What continues one name rather than starting another: `…领导小组办公室`, `…领导小组各成员单位`. */
export const NAME_CONTINUATION = /^(?:办公室|办公厅|各?成员单位|成员|工作办公室|下属|所属|直属)/;

/**
 * Words that begin with the character of a one-character suffix but are no organisation's end
 * (`省财政厅依托办理服务系统` ends at 厅, not at 办).
 */
export const SUFFIX_LOOKALIKES = /^(?:办理|办法|办公|办结|部署|会议|会同|局面|委托|院校|所有|所在|所属|所需|站点|社会|台账|处理|处置|科学|科技|队伍|行动|行业|行为|署名)/;
