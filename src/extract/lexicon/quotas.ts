import type { Comparator } from '../findings.js';

/**
 * Word lists for the quotas extractor (ANNOTATION.md, Quotas). The rules in `extract/quotas/`
 * read these lists and nothing else, so a new comparator, unit or non-quota word is a new entry.
 */

/**
 * How far a comparator word may stand from its number: `adjacent` (only white space between:
 * `约 30 秒`), `near` (a few characters, no 的: `最高资助金额50万元`) or `clause` (anywhere
 * before it in the clause: `至少设置公益宣传展板1个`, `不超过上年均价的30%`).
 */
type Reach = 'adjacent' | 'near' | 'clause';

export interface ComparatorWord {
  word: string;
  comparator: Comparator;
  reach: Reach;
}

/**
 * Comparator words written before the number. A word that reads as a level (`提高至`, `调至`)
 * is `=`: the number is the level reached, not the size of the change.
 */
export const COMPARATORS_BEFORE: readonly ComparatorWord[] = [
  ...['不少于', '不低于', '至少', '最少', '最低', '达到', '不小于', '下限为'].map((word) => ({ word, comparator: '>=' as const, reach: 'clause' as const })),
  { word: '达', comparator: '>=', reach: 'adjacent' },
  ...['不超过', '不得超过', '不应超过', '不高于', '不大于', '不多于', '控制在', '上限为'].map((word) => ({ word, comparator: '<=' as const, reach: 'clause' as const })),
  ...['最高', '最长', '最多', '最大'].map((word) => ({ word, comparator: '<=' as const, reach: 'near' as const })),
  ...['超过', '高于', '多于', '大于'].map((word) => ({ word, comparator: '>' as const, reach: 'clause' as const })),
  ...['低于', '少于', '小于', '不足', '不到'].map((word) => ({ word, comparator: '<' as const, reach: 'clause' as const })),
  { word: '约', comparator: '~', reach: 'adjacent' },
  { word: '大约', comparator: '~', reach: 'adjacent' },
  ...['提高至', '提高到', '提升至', '提升到', '增加至', '增加到', '增长至', '增长到', '增至', '降低至', '降低到', '降至', '减少至', '减少到', '下降至', '下降到', '压减至', '缩短至', '缩短到', '调至', '调整为', '调整至'].map(
    (word) => ({ word, comparator: '=' as const, reach: 'near' as const }),
  ),
];

/** Comparator words written after the unit (`以上`, `以内`, `左右`). */
export const COMPARATORS_AFTER: ReadonlyArray<{ word: string; comparator: Comparator }> = [
  { word: '及以上', comparator: '>=' },
  { word: '以上', comparator: '>=' },
  { word: '之上', comparator: '>=' },
  { word: '及以下', comparator: '<=' },
  { word: '以下', comparator: '<=' },
  { word: '以内', comparator: '<=' },
  { word: '之内', comparator: '<=' },
  { word: '左右', comparator: '~' },
  { word: '上下', comparator: '~' },
];

/** `内` alone closes a time limit (`15个工作日内`, `落户三年内`), not a count (`10个内`). */
export const WITHIN = '内';

/**
 * Measure words and units written right after a number. A magnitude (`万`, `亿`) may stand
 * before any of them (`5万元`, `1.5万人`); the longest entry is read first.
 */
export const UNITS: readonly string[] = [
  // time
  '个工作日', '工作日', '个自然日', '个月', '个小时', '小时', '分钟', '秒', '年', '周', '个星期', '天', '日',
  // money, shares and rates
  '元', '%', '％', '‰', '个百分点', '百分点',
  // counts
  '个', '家', '次', '人次', '件', '张', '条', '期', '份', '项', '名', '人', '户', '台', '套', '辆', '所', '座', '处',
  '篇', '部', '册', '场', '轮', '种', '大类', '笔', '字', '块', '棵', '株', '头', '只', '栋', '间', '位', '支', '组', '批',
  // measures
  '米', '平方米', '立方米', '公里', '千米', '厘米', '毫米', '平方公里', '亩', '公顷', '吨', '千克', '公斤', '克', '升',
  '千瓦', '马力', '岁', '周岁',
];

/** Units that belong to a date when no comparator makes them a time limit (`11月20日`, `每月18日前`). */
export const DATE_LIKE_UNITS: ReadonlySet<string> = new Set(['日']);

/** Units of time, after which `内` closes a time limit. */
export const TIME_UNITS: ReadonlySet<string> = new Set(['个工作日', '工作日', '个自然日', '个月', '个小时', '小时', '分钟', '秒', '年', '周', '个星期', '天', '日']);

/** Magnitudes written between a number and its unit (`5万元`, `1亿元`). */
export const MAGNITUDES: readonly string[] = ['千万', '百万', '万', '亿'];

/** Magnitudes of the divisor of a rate (`4/千人`, `2/万人`). */
export const RATE_MAGNITUDES: readonly string[] = ['千万', '百万', '万', '亿', '千', '百', '十'];

/**
 * Words that begin with a unit but are no measure of the number before them: `3人民`, `1名称`,
 * `2条件`. Keyed by the unit; a unit followed by one of its words is not read.
 */
export const NOT_AFTER_UNIT: Readonly<Record<string, readonly string[]>> = {
  人: ['民', '员', '才', '口', '大', '类', '事', '身', '物', '格', '力', '工'],
  名: ['称', '单', '义', '录', '额', '牌', '誉', '片'],
  天: ['然', '津', '下', '空', '地'],
  年: ['级', '代', '龄', '轻', '鉴', '报', '会', '终', '初', '度'],
  次: ['要', '序', '数', '级', '生'],
  条: ['件', '例', '款', '码', '线'],
  期: ['间', '限', '刊', '货', '望', '待'],
  份: ['额', '子'],
  项: ['目'],
  张: ['贴'],
  家: ['庭', '长', '属', '乡', '具', '电'],
  个: ['人', '体', '性', '别', '案'],
  元: ['旦', '素', '宵'],
  周: ['年', '边', '期', '转', '末', '密', '到'],
  台: ['湾', '账', '风', '阶'],
  所: ['有', '在', '以', '属', '得', '需', '述', '谓'],
  处: ['理', '置', '罚', '分', '室', '长'],
  部: ['门', '分', '署', '队', '委', '长'],
  场: ['所', '地', '景', '馆', '合'],
  种: ['植', '养', '子', '类'],
  组: ['织', '建', '成', '长'],
  位: ['置', '于'],
  支: ['持', '付', '出', '部'],
  间: ['隔', '接'],
  块: ['钱'],
  头: ['部', '条'],
  批: ['准', '复', '示', '次'],
  米: ['粮'],
  字: ['号', '样'],
};

/** A number written right after one of these counts things, it sets no quantity: `第2稿`, `附件2`. */
export const ORDINAL_BEFORE = /(?:第|附件|附表|图|序号)\s*$/;

/**
 * A range of numbers from 1 right after the name of a numbered list, counted in its items and
 * qualifying a noun, picks items of that list (`按封面、目录、材料1-7项的顺序`): it points at
 * them, it sets no quantity.
 */
export const NUMBERED_LIST_BEFORE = /(?:材料|条件|要求|事项)\s*$/;
export const ITEM_UNITS: ReadonlySet<string> = new Set(['项', '条']);

/** A number right after 每 is the size of a scope (`每500米设置…1个`), not a quota. */
export const SCOPE_BEFORE = /每\s*$/;

/** A total of things just listed (`认定刁显超等37人`) states a fact. */
export const SUMMARY_BEFORE = /等\s*$/;

/** A look back over past years (`近5年内承担项目数量`, `近三年`) describes the record to be shown. */
export const LOOK_BACK_BEFORE = /近\s*$/;

/** A rank (`排名前200名`): the number is the lowest place allowed. */
export const RANK_BEFORE = /前\s*$/;
export const RANK_UNITS: ReadonlySet<string> = new Set(['名', '位']);

/**
 * Units that measure a thing rather than count things. Bounded and written as an attribute of a
 * noun (`100马力以上拖拉机`, `单户500万元（含）以下贷款`), such a number names a class of things.
 */
export const MEASURE_UNITS: ReadonlySet<string> = new Set(['元', '马力', '千瓦', '平方米', '立方米', '米', '公里', '千米', '亩', '公顷', '吨', '千克', '公斤', '克', '升', '岁', '周岁']);

/** A baseline (`在现有64家的基础上`, `由146项减少至43项`): the old figure is no target. */
export const BASELINE_BEFORE = /(?:现有|原有|已有|目前有)\s*$/;
export const BASELINE_AFTER = /^\s*(?:的)?基础上/;
export const FROM_BEFORE = /(?:由|从)\s*$/;
export const TO_AFTER = /^[^，,。；;]{0,8}?(?:至|到)/;

/**
 * A count written in Chinese numerals (`一名`, `两份`) is a quota only right after a word that
 * requires it (`指定一名信息员`, `一式两份`), or in a clause that names its period (`每季度报告一次`,
 * `每年可申请一项`; the periods are `PERIODS`): otherwise `一项重要任务`, `两个重点时段` and
 * `一条…路子` are ordinary words.
 */
export const CHINESE_COUNT_CUE = /(?:明确|指定|确定|配备|配齐|选派|推荐|申请|设置|增设|设立|招聘|一式)(?:可|再|各|应|须|均|只|仅)?\s*$/;

/** Words that merely contain a numeral, programme names and set phrases: never a quota. */
export const NON_QUOTA_WORDS: readonly string[] = [
  // set words
  '统一', '唯一', '同一', '单一', '逐一', '之一', '一律', '一批', '一次性', '一是', '二是', '三是', '四是', '五是', '六是', '七是', '八是', '九是', '十是',
  '一把手', '一些', '一起', '一致', '一般', '进一步', '一体化', '一线', '一定', '一旦', '一流', '一站式', '一网通办', '一窗', '一盘棋',
  '一揽子', '一件事', '一张网', '一张图', '一次办', '一号', '万一', '一同', '一道', '一并', '一方面', '一贯', '一直', '一切', '一手', '一齐',
  '一举', '一系列', '一体', '一带一路', '两个维护', '两个确立', '两学一做', '三严三实', '三农', '三公', '举一反三', '一岗双责', '一票否决',
  '五一', '六一', '七一', '八一', '十一', '三八',
  // programme names
  '百城千业万企', '十百千万', '中国制造2025', '最多跑一次', '十三五', '十四五', '十五五', '十二五', '千万工程', '双百', '双零',
];

/** The period of a frequency written before the number (`每周至少进行一次`, `全年不少于48次`). */
export const PERIODS: ReadonlyArray<{ pattern: RegExp; period: 'day' | 'week' | 'month' | 'quarter' | 'year' }> = [
  { pattern: /每(?:一)?(?:天|日)/g, period: 'day' },
  { pattern: /每(?:一)?(?:周|星期)/g, period: 'week' },
  { pattern: /每(?:一)?(?:个)?月/g, period: 'month' },
  { pattern: /每(?:一)?(?:个)?季度/g, period: 'quarter' },
  { pattern: /(?:每(?:一)?年(?:度)?|全年|年均)/g, period: 'year' },
];

/** What each one counts for (`每个广场`, `每500米`, `每人`): 每 and a measure word or a size, then a noun. */
export const SCOPE = /(每(?:一)?\s*(?:\d+(?:\.\d+)?\s*(?:平方米|米|公里|人|户|家|个)|平方米|个|条|家|名|位|人|件|项|所|户|座|处|台|套|辆|亩|笔))([\p{Script=Han}]{0,8})/gu;

/** Where a scope's noun ends: a comparator, a verb of provision, or a linking word. */
export const SCOPE_END = /(?:至少|不少于|不超过|最高|最多|设置|给予|资助|补贴|可|每|的|应|须|提供|进行|安排|配备|在|按|年)/u;

/** Rises and falls written right before the number (`提高30%`, `递增10%以上`). */
export const CHANGES: ReadonlyArray<{ pattern: RegExp; change: 'increase' | 'decrease' }> = [
  { pattern: /(?:提高|增加|递增|增长|上升|提升|扩大|增)(?:了)?\s*$/, change: 'increase' },
  { pattern: /(?:减少|降低|下降|压减|压缩|缩短|递减|减)(?:了)?\s*$/, change: 'decrease' },
];

/**
 * Measures a notice sets targets for, named before the comparator (`合格率达到95%以上`). A name
 * not listed is still read when it ends in 率 (`洗选率`), the one suffix that always names a measure.
 */
export const METRICS: readonly string[] = [
  '批次合格率', '合格率', '满意度', '知晓率', '知晓度', '参与率', '参与度', '支持率', '普及率', '覆盖率', '办结率', '完成率', '达标率',
  '增长率', '增速', '利用率', '使用率', '上线率', '到位率', '及时率', '准确率', '优质品率', '一致性程度', '洗选率', '注册量', '检验量',
  '测算比例', '补贴比例', '占股比例', '比例', '比重', '占比', '资助额度', '配套额度', '限额', '收益', '总数量', '数量',
];

/** A measure not in `METRICS`: two characters and 率. */
export const OTHER_METRIC = /[\p{Script=Han}]{2}率/gu;
