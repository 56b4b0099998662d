import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.js';
import type { SourceBlock } from '../../src/model/document.js';
import { documentFromBlocks, documentFromText, spanned } from '../helpers.js';

const HEAD = '关于开展质量宣传的通知\n各镇人民政府：\n';

function tasksOf(document: ReturnType<typeof documentFromText>) {
  const fields = extract(document).value;
  for (const task of fields.tasks) {
    expect(spanned(document, task.span)).toBe(task.raw);
    for (const mention of task.units) expect(spanned(document, mention.span)).toBe(mention.raw);
  }
  return fields.tasks;
}

describe('tasks extractor', () => {
  it('makes every innermost numbered item a task, with an id that shows its place and its heading path', () => {
    const tasks = tasksOf(
      documentFromText(
        `${HEAD}一、指导思想\n以质量提升为目标，营造良好氛围。\n四、工作任务分解\n（五）户外宣传。具体分解如下：\n（1）每个广场至少设置展板1个（责任单位：城投集团、旅游局）\n（2）每个工地至少设置海报1个。（责任单位：住建局）\n（六）户内宣传。在企业宣传。\n责任单位:市场监管局`,
      ),
    );
    expect(tasks.map((task) => [task.id, task.path, task.title, task.units.map((unit) => unit.name)])).toEqual([
      ['四.(五).(1)', ['四、工作任务分解', '（五）户外宣传'], '每个广场至少设置展板1个', ['城投集团', '旅游局']],
      ['四.(五).(2)', ['四、工作任务分解', '（五）户外宣传'], '每个工地至少设置海报1个', ['住建局']],
      ['四.(六)', ['四、工作任务分解'], '户内宣传', ['市场监管局']],
    ]);
  });

  it('gives a repeated number its own id', () => {
    const tasks = tasksOf(documentFromText(`${HEAD}四、宣传形式\n（一）新闻报道。在报纸上宣传。\n四、工作任务分解\n（一）报纸宣传。每周宣传一次。（责任单位：市委宣传部）`));
    expect(tasks.map((task) => task.id)).toEqual(['四.(一)', '四#2.(一)']);
  });

  it('splits 一是…二是… clauses into tasks', () => {
    const tasks = tasksOf(documentFromText(`${HEAD}三、宣传内容\n突出宣传以下内容：一是宣传法律法规；二是宣传决策部署；三是宣传工作进展。`));
    expect(tasks.map((task) => [task.id, task.title])).toEqual([
      ['三.一是', '一是宣传法律法规'],
      ['三.二是', '二是宣传决策部署'],
      ['三.三是', '三是宣传工作进展'],
    ]);
  });

  it('keeps sections that assign nothing out of the tasks unless a 责任单位 note assigns them', () => {
    const tasks = tasksOf(
      documentFromText(`${HEAD}六、工作要求\n（一）加强领导，明确责任。各成员单位要高度重视。\n（二）总结经验。每月报送一次。（责任单位：各成员单位）`),
    );
    expect(tasks.map((task) => task.id)).toEqual(['六.(二)']);
  });

  it('makes a task of every row of a task table, in any column order, and joins a wrapped row', () => {
    const blocks: SourceBlock[] = [
      { kind: 'paragraph', text: '关于开展质量宣传的通知' },
      { kind: 'paragraph', text: '各镇人民政府：' },
      { kind: 'paragraph', text: '现将工作计划安排表印发给你们，请认真落实。' },
      { kind: 'paragraph', text: '附件1' },
      { kind: 'paragraph', text: '工作计划安排表' },
      {
        kind: 'table',
        rows: [
          ['责任单位', '序号', '事项', '协助单位', '完成时限'],
          ['东莞广播电视台', '1', '制作宣传短片。', '宣传部、强市办', '11.20'],
          ['强市办', '2', '制作动漫宣传片。', '宣传部', '11.15'],
          ['', '', '（可根据进度调整）', '', ''],
        ].map((row) => row.map((text) => ({ text }))),
      },
    ];
    const document = documentFromBlocks(blocks);
    const tasks = tasksOf(document);
    expect(tasks.map((task) => [task.id, task.title, task.units.map((unit) => `${unit.name}/${unit.role}`)])).toEqual([
      ['附件1.row1', '制作宣传短片', ['东莞广播电视台/lead', '宣传部/assist', '强市办/assist']],
      ['附件1.row2', '制作动漫宣传片', ['强市办/lead', '宣传部/assist']],
    ]);
    expect(tasks[1]!.raw).toContain('可根据进度调整');
  });

  it('finds the header under a title row, and links a unit cell merged over rows to each of them', () => {
    const document = documentFromBlocks([
      { kind: 'paragraph', text: '关于开展质量宣传的通知' },
      { kind: 'paragraph', text: '各镇人民政府：' },
      { kind: 'paragraph', text: '现将任务分解表印发给你们，请认真落实。' },
      {
        kind: 'table',
        rows: [
          [{ text: '2018年质量宣传任务分解表', colSpan: 3 }],
          [{ text: '序号' }, { text: '工作任务' }, { text: '责任单位' }],
          [{ text: '1' }, { text: '张贴海报，' }, { text: '市城管局', rowSpan: 2 }],
          [{ text: '2' }, { text: '投放户外广告。' }],
        ],
      },
    ]);
    expect(tasksOf(document).map((task) => [task.id, task.title, task.units.map((unit) => unit.name)])).toEqual([
      ['table1.row1', '张贴海报', ['市城管局']],
      ['table1.row2', '投放户外广告', ['市城管局']],
    ]);
  });

  it('does not make tasks of a catalogue of numbered names', () => {
    expect(tasksOf(documentFromText(`${HEAD}一、补贴范围\n1.耕整地机械\n1.1耕地机械\n1.1.1犁\n2.种植施肥机械\n2.1播种机械`))).toEqual([]);
  });

  it('does not make a task of a contact section', () => {
    expect(tasksOf(documentFromText(`${HEAD}四、联系电话
联系人：张三，电话：6664315。`))).toEqual([]);
  });

  it('does not make tasks of a table that assigns nothing', () => {
    const document = documentFromBlocks([
      { kind: 'paragraph', text: '关于报送联络员的通知' },
      { kind: 'paragraph', text: '各镇人民政府：' },
      { kind: 'paragraph', text: '请填写回执表。' },
      { kind: 'table', rows: [['姓名', '职务', '联系电话'], ['张三', '科长', '22836512']].map((row) => row.map((text) => ({ text }))) },
    ]);
    expect(tasksOf(document)).toEqual([]);
  });

  it('links the quotas and deadlines written inside a task by their indexes', () => {
    const document = documentFromText(`${HEAD}四、任务\n（一）报纸宣传。全年不少于48次。（责任单位：市委宣传部）\n（二）网络宣传。（责任单位：政府办）`);
    const fields = extract(document).value;
    for (const task of fields.tasks) {
      for (const index of task.quotas) expect(task.span[0] <= fields.quotas[index]!.span[0] && fields.quotas[index]!.span[1] <= task.span[1]).toBe(true);
      for (const index of task.deadlines) expect(task.span[0] <= fields.deadlines[index]!.span[0]).toBe(true);
    }
    expect(fields.tasks.map((task) => task.id)).toEqual(['四.(一)', '四.(二)']);
  });
});
