/**
 * Page furniture and portal chrome: lines that belong to the page a notice was printed on or
 * the web page it was published in, never to the notice.
 */

/** Page numbers as 公文 and office software print them (GB/T 9704-2012 7.5: `— 3 —`). */
const PAGE_NUMBER_PATTERNS: readonly RegExp[] = [
  /^[-—–－―─~～]{1,2}\s*\d{1,4}\s*[-—–－―─~～]{1,2}$/,
  /^第\s*\d{1,4}\s*页\s*(?:[,，/／、]?\s*共\s*\d{1,4}\s*页)?$/,
  /^共\s*\d{1,4}\s*页\s*[,，]?\s*第\s*\d{1,4}\s*页$/,
  /^\d{1,4}\s*[/／]\s*\d{1,4}$/,
  /^page\s*\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$/i,
];

/** Marks scanner apps stamp on every page they produce; a page carrying only these is a scan. */
export const SCANNER_WATERMARKS: readonly RegExp[] = [/扫描全能王\s*创建/g, /全能扫描王\s*创建/g, /Scanned\s+with\s+CamScanner/gi, /CamScanner/gi];

/** A number standing alone; only furniture where its position on the page says so. */
export const BARE_PAGE_NUMBER = /^[-—–－―─(（]?\s*\d{1,4}\s*[-—–－―─)）]?$/;

export function isPageNumberLine(line: string): boolean {
  const trimmed = line.trim();
  return PAGE_NUMBER_PATTERNS.some((pattern) => pattern.test(trimmed));
}

/** Words of portal toolbars; a line made only of these is chrome. */
const CHROME_TOKENS = new Set([
  '无障碍', '无障碍浏览', '长者版', '关怀版', '适老版', '老年版', '手机版', 'English', 'ENGLISH', '繁体', '繁體', '简体',
  '登录', '注册', '注销', '打印', '打印本页', '打印此页', '关闭', '关闭窗口', '关闭本页', '返回顶部', '返回', '收藏',
  '加入收藏', '分享', '分享到', '微信', '微博', '新浪微博', 'QQ空间', 'QQ', '大', '中', '小', '字号', '字体', '默认',
  '纠错', '我要纠错', '朗读', '视力保护色', '保存', '下载', '政府信息公开', '信息公开',
]);

const CHROME_TOKEN_SEPARATORS = /[\s|｜/／【】\[\]〖〗:：,，、·•]+/;

/** Lines of portal chrome whose content varies (breadcrumbs, QR-code captions, footers). */
const CHROME_LINE_PATTERNS: readonly RegExp[] = [
  /^(?:您?当前(?:的)?位置|您现在的位置|您的位置|所在位置)\s*[:：]/,
  /^首页\s*[>＞›»→]/,
  /^扫一扫\s*(?:在手机(?:上)?(?:打开|查看|浏览)当前页面?)?$/,
  /^(?:用)?手机扫(?:一扫|描二维码)/,
  /^分享到?\s*[:：]/,
  /^(?:浏览|阅读|访问|点击)(?:次数|量|数)\s*[:：]/,
  /^(?:『|【|\[)?图文解读(?:』|】|\])?/,
  /^点击查看\s*[:：]/,
  /^相关链接\s*[:：]/,
  /^请输入(?:关键字|关键词|搜索内容)/,
  /^网站支持\s*IPv6$/i,
  /无障碍浏览\s*[|｜]/,
  // A portal footer names its 主办单位 together with the site's address or registration.
  /^主办单位\s*[:：].*(?:地址|ICP|网站标识码|版权)/,
  // Only words that appear nowhere but in portal footers: a notice may well have a 主办单位.
  /^(?:版权所有|网站标识码|网站地图)\s*[:：|｜]?/,
  /(?:ICP备|ICP证|公网安备)\s*\d/,
];

/** Removes toolbar words that portals print beside a title (`…的通知 大 中 小`). */
export function withoutChromeTokens(text: string): string {
  return text
    .split(/\s+/)
    .filter((token) => token !== '' && !CHROME_TOKENS.has(token))
    .join(' ');
}

export function isChromeLine(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed === '') return false;
  if (CHROME_LINE_PATTERNS.some((pattern) => pattern.test(trimmed))) return true;
  const tokens = trimmed.split(CHROME_TOKEN_SEPARATORS).filter((token) => token !== '');
  return tokens.length > 0 && tokens.every((token) => CHROME_TOKENS.has(token));
}
