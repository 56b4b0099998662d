import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { declaredCharset, readHtml } from '../../src/ingest/html.js';
import type { SourceBlock } from '../../src/model/document.js';
import { fixturesDir } from '../helpers.js';

const utf8 = (html: string): Uint8Array => new TextEncoder().encode(html);

function paragraphs(blocks: readonly SourceBlock[]): string[] {
  return blocks.flatMap((block) => (block.kind === 'paragraph' ? [block.text] : []));
}

const PORTAL = (article: string, extra = ''): string => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>通知</title>
<script>var a = 1;</script><style>.x{}</style></head><body>
<div class="top">无障碍 | 长者版</div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zw">政务公开</a></li><li><a href="/fw">政务服务</a></li></ul>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zw">通知公告</a></div>
${extra}
<div class="content"><div class="TRS_Editor">${article}</div></div>
<div class="share">分享到：<a>微信</a><a>微博</a></div>
<div class="related"><h3>相关链接</h3><ul><li><a>关于开展春季植树活动的通知</a></li><li><a>关于做好防汛工作的通知</a></li><li><a>关于召开年度工作会议的通知</a></li></ul></div>
<div class="footer">版权所有：某某市人民政府 网站标识码 1234 地址：朱镕路1号 电话：0769-12345678</div>
</body></html>`;

const ARTICLE = `<p style="text-align:center"><strong>关于开展质量月活动的通知</strong></p>
<p>各镇人民政府，市政府有关部门：</p>
<p>&nbsp;&nbsp;为深入开展质量月活动，现将有关事项通知如下。</p>
<p>一、活动时间</p><p>2020年9月1日至30日。</p>
<table><tr><td>序号</td><td>事项</td><td>完成时限</td></tr><tr><td>1</td><td>制作宣传片<br>时长约30秒</td><td rowspan="2">9.30</td></tr></table>
<p style="text-align:right">某某市质量强市工作领导小组</p><p style="text-align:right">2020年8月20日</p>`;

describe('readHtml', () => {
  it('finds the article and leaves the portal chrome, link lists and footer out', async () => {
    const { value } = await readHtml(utf8(PORTAL(ARTICLE)));
    const text = paragraphs(value.blocks).join('\n');
    expect(text).toContain('各镇人民政府，市政府有关部门：');
    for (const chrome of ['无障碍', '当前位置', '分享到', '相关链接', '关于做好防汛工作的通知', '版权所有', '0769-12345678', '首页']) {
      expect(text).not.toContain(chrome);
    }
  });

  it('keeps tables as rows and cells, with merged cells and line breaks in cells', async () => {
    const { value } = await readHtml(utf8(PORTAL(ARTICLE)));
    const table = value.blocks.find((block) => block.kind === 'table');
    expect(table).toEqual({
      kind: 'table',
      rows: [
        [{ text: '序号' }, { text: '事项' }, { text: '完成时限' }],
        [{ text: '1' }, { text: '制作宣传片\n时长约30秒' }, { text: '9.30', rowSpan: 2 }],
      ],
    });
  });

  it('passes on alignment and bold as style hints', async () => {
    const { value } = await readHtml(utf8(PORTAL(ARTICLE)));
    expect(value.blocks[0]).toEqual({ kind: 'paragraph', text: '关于开展质量月活动的通知', style: { align: 'center', bold: true } });
    expect(value.blocks.at(-1)).toEqual({ kind: 'paragraph', text: '2020年8月20日', style: { align: 'right' } });
  });

  it.each([
    [
      'a table',
      '<table class="xxgk"><tr><td>索引号：</td><td>0001/2020-01</td><td>发布机构：</td><td>某某市人民政府办公室</td></tr><tr><td>发文字号：</td><td>某政办发〔2020〕3号</td><td>成文日期：</td><td>2020-08-20</td></tr></table>',
    ],
    ['a list', '<ul class="info"><li>索引号：0001/2020-01</li><li>发布机构：某某市人民政府办公室</li><li>发文字号：某政办发〔2020〕3号</li><li>成文日期：2020-08-20</li></ul>'],
    [
      'bracketed labels in divs',
      '<div class="a1"><div><span>[ 索引号 ]</span></div><div><span>0001/2020-01</span></div><div><span>[ 发布机构 ]</span></div><div><span>某某市人民政府办公室</span></div><div><span>[ 发文字号 ]</span></div><div><span>某政办发〔2020〕3号</span></div><div><span>[ 成文日期 ]</span></div><div><span>2020-08-20</span></div></div>',
    ],
  ])('keeps the portal metadata block as metadata when it is %s', async (_, block) => {
    const { value } = await readHtml(utf8(PORTAL(ARTICLE, block)));
    expect(value.blocks[0]).toEqual({
      kind: 'metadata',
      entries: [
        { label: '索引号', value: '0001/2020-01' },
        { label: '发布机构', value: '某某市人民政府办公室' },
        { label: '发文字号', value: '某政办发〔2020〕3号' },
        { label: '成文日期', value: '2020-08-20' },
      ],
    });
    expect(paragraphs(value.blocks).join('')).not.toContain('索引号');
  });

  it('puts the page title first when the article does not repeat it', async () => {
    const page = PORTAL('<p>各镇人民政府：</p><p>为深入开展质量月活动，现将有关事项通知如下。各地要高度重视，认真组织。</p>', '<h1 class="title">关于开展质量月活动的通知 大 中 小</h1>');
    const { value } = await readHtml(utf8(page));
    expect(value.blocks[0]).toEqual({ kind: 'paragraph', text: '关于开展质量月活动的通知', style: { heading: 1, align: 'center' } });
  });

  it('keeps the lines of text pasted into a page as lines, without crawler marks', async () => {
    const page = '<p align="center">某某局关于收费的通知\n  （某价费〔2007〕136号）</p>\n<p>\n\n各市物价局：\n\n　　为规范收费，现通知如下：\n\n@@  一、收费范围。按规定执行。\n\n<p align="right">某某局\n某某厅\n二○○七年五月八日\n</p>';
    const { value } = await readHtml(utf8(page));
    expect(paragraphs(value.blocks)).toEqual(['某某局关于收费的通知', '（某价费〔2007〕136号）', '各市物价局：', '为规范收费，现通知如下：', '一、收费范围。按规定执行。', '某某局', '某某厅', '二○○七年五月八日']);
  });

  it('reads the GBK portal fixture, whose charset is declared after the first kilobyte', async () => {
    const bytes = new Uint8Array(readFileSync(join(fixturesDir, 'notices', 'seed-001.html')));
    const head = new TextDecoder('latin1').decode(bytes);
    expect(head.search(/charset=gb2312/i)).toBeGreaterThan(1024);
    expect(declaredCharset(bytes)).toBe('gb2312');
    const { value, messages } = await readHtml(bytes);
    expect(value.encoding).toBe('gb18030');
    expect(messages).toEqual([]);
    const text = paragraphs(value.blocks).join('\n');
    expect(text).toContain('关于印发《创建全国质量强市示范城市验收宣传工作方案》的通知');
    expect(text).not.toContain('朱镕路');
    expect(value.blocks[0]).toMatchObject({ kind: 'metadata' });
    expect(value.blocks.some((block) => block.kind === 'table' && block.rows.length >= 15)).toBe(true);
  });

  it('decodes a GBK page that declares nothing', async () => {
    const bytes = new Uint8Array(iconv.encode(PORTAL(ARTICLE).replace('<meta charset="utf-8">', ''), 'gbk'));
    const { value } = await readHtml(bytes);
    expect(value.encoding).toBe('gb18030');
    expect(paragraphs(value.blocks)).toContain('各镇人民政府，市政府有关部门：');
  });
});
