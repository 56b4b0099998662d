/**
 * The kinds of 公文 (党政机关公文处理工作条例 art. 8, GB/T 9704-2012) and the plan-like
 * documents notices enclose. A title ends with one of them.
 */
export const DOCUMENT_TYPES = [
  '决议', '决定', '命令', '令', '公报', '公告', '通告', '意见', '通知', '通报', '报告', '请示', '批复', '议案', '函', '纪要',
  '方案', '办法', '规定', '细则', '规划', '要点', '计划',
] as const;

export type DocumentType = (typeof DOCUMENT_TYPES)[number];

// Longest first, so that 命令 wins over 令.
const BY_LENGTH: readonly DocumentType[] = [...DOCUMENT_TYPES].sort((a, b) => b.length - a.length);

/** What may follow the type word: a status in brackets (办法（试行）), a footnote mark (公报[1]). */
const TRAILER = /(?:[（(][^（）()]{1,12}[）)]|[\[［]\d{1,2}[\]］])\s*$/;

/** The type word that ends a title, and where it ends in the text given; undefined when none does. */
export function documentTypeAtEnd(title: string): { type: DocumentType; end: number } | undefined {
  const bare = title.trimEnd().replace(TRAILER, '').trimEnd();
  const type = BY_LENGTH.find((candidate) => bare.endsWith(candidate));
  return type === undefined ? undefined : { type, end: bare.length };
}
