import { ARABIC_DIGIT } from '../../ingest/lexicon/dates.js';

/**
 * Words that make a date in a notice a time limit or a schedule (ANNOTATION.md, Deadlines), and
 * words that show it is background. Each list is a regular-expression source without capture
 * groups, so the deadline rules can anchor it before or after a date.
 */

/** A part of a month or of a year written after it: 底 and 末 are the last day, 初 the month. */
export type PeriodPart = 'end' | 'start' | 'early' | 'middle' | 'late';

export const PERIOD_PARTS: Readonly<Record<string, PeriodPart>> = {
  底: 'end',
  末: 'end',
  初: 'start',
  上旬: 'early',
  中旬: 'middle',
  下旬: 'late',
};

/** 初 begins many words that are not "early in": 初步, 初审, 初中 … */
export const NOT_AFTER_START = '步|级|中|期|稿|审|次|心|始|赛|选|检|验|评|试|见|衷|核|设';

/** 星期一 … 星期日: the weekday numbers of ISO 8601, Monday 1 to Sunday 7. */
export const WEEKDAY_NUMBERS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7 };
export const WEEKDAY_WORD = '(?:星期|礼拜|周)';

/** A time of day between a date and 前: `下午下班前`, `17:00前`, `12时前`. */
export const TIME_OF_DAY = `(?:(?:上午|下午|中午|晚上|早上|凌晨)\\s*)?(?:下班|${ARABIC_DIGIT}{1,2}\\s*(?:[:：]\\s*${ARABIC_DIGIT}{2}|[时点](?:\\s*${ARABIC_DIGIT}{1,2}\\s*分)?)|[一二三四五六七八九十]{1,3}\\s*[时点]半?)|(?:上午|下午|中午|晚上|早上)`;

/**
 * Words right after a date. A limit (前, 为止) makes it a `by`, a start (起) opens a window, and
 * 以来 looks back: it makes the date background. 前后, 前夕, 起草 are other words.
 */
export const LIMIT_SUFFIX = '之前|以前|为止|截止|止|前(?![后夕期言景列沿身者提])';
export const START_SUFFIX = '开始|起(?![草步来诉点因见])';
export const PAST_SUFFIX = '以来';

/**
 * Words right before a date that make it a limit: `到2020年`, `截至2019年底`, `不迟于…`. 到 and 至
 * end other words too (达到, 收到, 甚至), which say nothing of time.
 */
export const LIMIT_PREFIX = '截至|截止到|截止|直至|直到|不迟于|不晚于|最迟于|最迟|最晚于|最晚|(?<![达得受做收遇看听想感报签找拿提回送转直])到|(?<![甚乃以截直])至';

/** Words before a date that open a window ended by a later 起: `自2018年3月起`. */
export const START_PREFIX = '自|从';

/**
 * Words before a date that schedule something on it: `定于11月20日召开`, `于11月20日进行`. 于 ends
 * many words that are no schedule (关于2019年度…, 对于, 不少于).
 */
export const SCHEDULE_PREFIX = '定于|将于|(?<![关对由属等基位处鉴用至善便利终在过忙勇敢乐易难急限出源归高低大小多少免])于';

/** A verb with 了 right after a scheduled date tells of the past: `于3月召开了…`. */
export const PAST_VERB_AFTER = '^[^，,。；;]{0,6}了(?!解)';

/** Acts that make up a document's history, not work it assigns: `会议于2023年3月28日修订通过`. */
export const RECORD_VERBS = '通过|印发|发布|公布|批准|签署|颁布';

/**
 * A limit or start that qualifies a noun describes it instead of requiring anything:
 * `在2019年12月30日前公布的区划`, `2019年1月1日起全面施行的《…》`.
 */
export const MODIFIER_AFTER = '^[\\u4e00-\\u9fff]{0,4}的';

/** Years named relative to the signing date: `明年3月底前`. */
export const RELATIVE_YEARS: Readonly<Record<string, number>> = { 今年: 0, 本年度: 0, 本年: 0, 明年: 1, 去年: -1, 上年度: -1, 上年: -1 };

/** `在` schedules only a day or a part of a month; `在2018年的基础上` is no schedule. */
export const AT_PREFIX = '在';

/** A repeating limit: `每年12月20日前`, `每月的18日之前`, `每周五前`. */
export const RECURRING_PREFIXES: ReadonlyArray<readonly [string, 'year' | 'month' | 'week']> = [
  ['每年', 'year'],
  ['每个月', 'month'],
  ['每月', 'month'],
  ['每周', 'week'],
  ['每星期', 'week'],
];

/**
 * Words that take up the 每年/每月 said earlier in the sentence: in `每年年初确定…，并于当年四月底前
 * 报…` the limit recurs as well.
 */
export const RECURRING_BACK_REFERENCES: ReadonlyArray<readonly [string, 'year' | 'month']> = [
  ['当年', 'year'],
  ['当月', 'month'],
];

/** Verbs after `于<date>` that make it a limit rather than a scheduled day: `于11月15日前报送`. */
export const COMPLETION_VERBS = '完成|报送|上报|报|提交|提供|交|建成|实现|达到|出台|制定|办结|落实|整改';

/**
 * Verbs that close a piece of work: after a bare month-end or month-start they make it a limit
 * (`12月底或2014年1月初完成验收`, ANNOTATION: 月底 and 年底 are limits), also with an adverb
 * between (`12月底全面完成`). 验收 is here, not in the verbs above: `于11月20日验收` schedules a day.
 */
export const CLOSING_VERBS = `(?:全面|全部|基本|正式)?(?:${COMPLETION_VERBS}|验收|竣工|完工)`;

/** Words before a range that read it as the period something happens in. */
export const RANGE_LEAD = '于|在|为|是|从|自|[：:]|时间|时段|期间|日期|集中';

/** What may follow a period that stands on its own; anything else makes it a modifier (`2024—2026年海南省…`). */
export const RANGE_BOUNDARY = '[，。；、,.;）)]|期间|内|间|为|和|及|或|$';

/** Verbs right after a range that make it the period of the work: `2019年12月至2020年3月集中检查`. */
export const RANGE_ACTIVITY = '集中|开展|进行';

/** Connectors: two dates joined by these are a range; items joined by the others are a list. */
export const RANGE_CONNECTOR = '至|到|[-－—–~～〜]{1,2}';
export const LIST_CONNECTOR = '、|以及|或者|和|及|与|或';

/** A clause that names a period makes a whole month in it a period: `6月下旬和8月为两个重点宣传时段`. */
export const PERIOD_WORDS = '时段|期间|阶段|时期';

/** A year heading a clause of goals is their target year: `发展目标2020年，…`. */
export const TARGET_LEAD = '目标(?:是|为)?\\s*[：:]?';

/**
 * The issuer's own intentions are background, not requirements on the reader: `我市拟向省申请于
 * 11月20日进行预验收`. 拟 in 拟定, 草拟, 模拟 is another word.
 */
export const INTENT_CUES = '(?<![模草起比虚])拟(?![定订稿写制任人态声])|预计|申请于|申请在';

/** A requirement on the reader after an intention ends its reach: `我局拟于…召开，请各单位于…前报名`. */
export const REQUIREMENT_CUES = '(?<![申邀提聘敬宴])请|务必|必须|须|应当|应于|应在|要于|要在|需于|需在';

/** A date already passed: `已于2019年3月1日起施行`. */
export const PAST_LEAD = '(?:已经|业已|曾经|已|曾)\\s*(?:于|在|从|自)?';

/** A line `label：date` schedules the date; these labels name a document's own dates instead. */
export const SCHEDULE_LABEL = '[^\\s，。；：:,;、]{1,12}';
export const NOT_SCHEDULE_LABELS = '成文|发布|印发|发文|签发|打印|更新|生成|出生|填报|统计|录入|修订|来源|浏览';
export const LIMIT_LABELS = '截止|期限|时限';

/** Table columns whose cells are dates: a limit (`完成时限`) or a schedule (`时间`). */
export const LIMIT_COLUMN = '时限|期限|截止|完成时间|完成日期';
export const SCHEDULE_COLUMN = '时间|日期|时段';
/** Columns of dates that record something (a certificate's validity, a birth), asking nothing. */
export const RECORD_COLUMN = '有效期|出生|成立|注册|登记|发证|颁发|批准|认证|发布|印发|成文|生产|出厂|购买|购机|入职|参加工作|毕业|填报|统计';

/** Sentence and clause ends: a year carries over within a sentence; background cues act within one. */
export const SENTENCE_END = '[。！？!?；;\\n]';
export const CLAUSE_END = '[，,。！？!?；;：:\\n]';
