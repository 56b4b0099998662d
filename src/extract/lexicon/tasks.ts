/**
 * Words that tell a section or a table that assigns work from one that does not
 * (ANNOTATION.md, Units; issue: a task is only what the document asks someone to do).
 */

/** Sections that state aims, principles or requirements in general, and assign no task of their own. */
export const NON_ASSIGNING_SECTION =
  /指导思想|总体要求|基本原则|工作原则|总体目标|工作目标|发展目标|主要目标|目标任务|工作思路|背景|意义|适用范围|编制依据|工作要求|有关要求|其他要求|联系方式|联系人|联系电话|联系地址|咨询电话|报名方式|活动名称/;

/** Column headers of a task table's item column. */
export const TASK_COLUMN = /事项|任务|工作内容|内容|措施|项目|工作安排|具体工作/;

/** Column headers of a task table's deadline column. */
export const DEADLINE_COLUMN = /完成时限|时限|完成时间|时间节点|时间安排|进度安排|完成期限/;

/** Column header of the item number, whose empty cell marks a row that continues the one above. */
export const NUMBER_COLUMN = /^(?:序号|编号|序|No\.?)$/i;

/** `一是…二是…`: clauses numbered in running text, each a task of its own. */
export const ENUMERATED_CLAUSE = /(?:^|[：:；;。，,])\s*([一二三四五六七八九十]{1,3})是/g;
